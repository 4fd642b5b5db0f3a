import { createRequire } from 'node:module';
import { crc32, inflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import { renderBookingQr } from './booking-qr.js';

/** qrcode's own rasteriser, the one its PNG renderer fills its RGBA image with. */
const { qrToImageData } = createRequire(import.meta.url)('qrcode/lib/renderer/utils.js') as {
  qrToImageData(image: Uint8Array, qr: ReturnType<typeof QRCode.create>, opts: object): void;
};

/** Reads a PNG back, checking every chunk's CRC: its header and one 0/1 value per pixel (1 = white). */
function readGreyscalePng(png: Buffer): { width: number; height: number; bitDepth: number; colourType: number; pixels: Buffer } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    chunks.push({ type, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  const header = chunks[0]!.data;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const raw = inflateSync(chunks[1]!.data);
  const stride = 1 + Math.ceil(width / 8);
  expect(raw.length).toBe(stride * height);
  const pixels = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) {
    expect(raw[y * stride]).toBe(0);
    for (let x = 0; x < width; x++) pixels[y * width + x] = (raw[y * stride + 1 + (x >> 3)]! >> (7 - (x & 7))) & 1;
  }
  return { width, height, bitDepth: header[8]!, colourType: header[9]!, pixels };
}

describe('renderBookingQr', () => {
  it.each(['PK7Q-M2XD', 'A2B3-C4D5', 'ZZZZ-9999'])('draws %s pixel for pixel as qrcode draws it, as a 1-bit greyscale PNG 360 pixels wide', async (code) => {
    const png = readGreyscalePng(await renderBookingQr(code));
    expect(png).toMatchObject({ width: 360, height: 360, bitDepth: 1, colourType: 0 });

    const qr = QRCode.create(code, { errorCorrectionLevel: 'M' });
    const rgba = new Uint8Array(png.width * png.height * 4);
    qrToImageData(rgba, qr, { margin: 2, width: 360, scale: 4, color: { dark: { r: 0, g: 0, b: 0, a: 255 }, light: { r: 255, g: 255, b: 255, a: 255 } } });
    const expected = Buffer.from(Array.from({ length: png.width * png.height }, (_, i) => (rgba[i * 4] === 255 ? 1 : 0)));
    expect(png.pixels.equals(expected)).toBe(true);
    // A real symbol, not a blank image: dark modules in the middle, a white quiet zone around.
    expect(png.pixels.filter((p) => p === 0).length).toBeGreaterThan(png.pixels.length / 5);
    expect(png.pixels.subarray(0, png.width).every((p) => p === 1)).toBe(true);
  });
});
