import QRCode from 'qrcode';

/** A PNG QR code of the booking code, large enough for a gate scanner read off a phone screen. */
export function renderBookingQr(bookingCode: string): Promise<Buffer> {
  return QRCode.toBuffer(bookingCode, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 360 });
}
