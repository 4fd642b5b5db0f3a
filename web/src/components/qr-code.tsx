import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code of `value` as an image (a data URL, allowed by the CSP's img-src). */
export function QrCode({ value, label, size = 192 }: { value: string; label: string; size?: number }) {
  const [source, setSource] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    toDataURL(value, { width: size, margin: 1, errorCorrectionLevel: 'M' })
      .then((url) => current && setSource(url))
      .catch(() => current && setSource(null));
    return () => {
      current = false;
    };
  }, [value, size]);
  if (!source) return <div className="qr qr--pending" style={{ width: size, height: size }} aria-hidden="true" />;
  return <img className="qr" src={source} width={size} height={size} alt={label} data-qr-value={value} />;
}
