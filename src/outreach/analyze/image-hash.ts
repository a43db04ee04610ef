/**
 * 64-bit perceptual image hashes. Input records carry them as 16 hex digits (`imageHashes`) or as
 * local image files (`images`), hashed on import with dHashFile. Near-identical images differ in
 * few bits (match below about 10 differing bits); the hash survives recompression and resizing,
 * not crops.
 */

/** Hex digit values by character code (either case); -1 for anything else. */
const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) {
  HEX[65 + i] = 10 + i;
  HEX[97 + i] = 10 + i;
}

/** The 8 hex digits of `s` at `from` as an unsigned 32-bit number, or -1 when one is not a hex digit. */
function hex8(s: string, from: number): number {
  let v = 0;
  for (let i = from; i < from + 8; i++) {
    const c = s.charCodeAt(i);
    const d = c < 128 ? HEX[c]! : -1;
    if (d < 0) return -1;
    v = (v << 4) | d;
  }
  return v >>> 0;
}

/**
 * Parses 16-hex-digit hashes (an optional "0x" prefix and surrounding spaces allowed); anything else is
 * skipped. Read as two 32-bit halves (about half the cost of BigInt("0x" + hex) per hash).
 */
export function parseImageHashes(values: unknown): bigint[] {
  if (!Array.isArray(values)) return [];
  const out: bigint[] = [];
  for (const value of values) {
    if (typeof value !== 'string') continue;
    let hex = value.length === 16 ? value : value.trim();
    let at = 0;
    if (hex.length === 18 && (hex.startsWith('0x') || hex.startsWith('0X'))) at = 2;
    if (hex.length - at !== 16) continue;
    const hi = hex8(hex, at);
    const lo = hi < 0 ? -1 : hex8(hex, at + 8);
    if (lo < 0) continue;
    const hash = (BigInt(hi) << 32n) | BigInt(lo);
    if (!out.includes(hash)) out.push(hash);
  }
  return out;
}

/** 16 lower-case hex digits. */
export function formatImageHash(hash: bigint): string {
  return BigInt.asUintN(64, hash).toString(16).padStart(16, '0');
}

/**
 * Difference hash: greyscale, resized to 9x8 (ignoring aspect ratio), one bit per horizontally
 * adjacent pixel pair (1 when the left pixel is brighter), row by row, most significant bit first.
 */
export async function dHashFile(path: string): Promise<bigint> {
  // Loaded on first use: analysing ads needs only parseImageHashes, and loading sharp (libvips) cost
  // ~0.3 s and ~25 MB in the main thread and again in every analysis worker.
  const { default: sharp } = await import('sharp');
  const { data, info } = await sharp(path, { failOn: 'none' })
    .rotate() // honour EXIF orientation
    .removeAlpha()
    .greyscale()
    .resize(9, 8, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels === 1) return dHashFromPixels(data);
  const grey = new Uint8Array(72);
  for (let i = 0; i < 72; i++) grey[i] = data[i * info.channels]!;
  return dHashFromPixels(grey);
}

/** dHash of a 9x8 greyscale pixel buffer (72 bytes, row-major). */
export function dHashFromPixels(pixels: Uint8Array): bigint {
  if (pixels.length < 72) throw new Error(`dHash needs 9x8 greyscale pixels, got ${pixels.length} bytes`);
  let high = 0;
  let low = 0;
  for (let row = 0; row < 8; row++) {
    for (let col = 0; col < 8; col++) {
      const bit = pixels[row * 9 + col]! > pixels[row * 9 + col + 1]! ? 1 : 0;
      const index = row * 8 + col;
      if (index < 32) high = ((high << 1) | bit) >>> 0;
      else low = ((low << 1) | bit) >>> 0;
    }
  }
  return (BigInt(high) << 32n) | BigInt(low);
}

export function hammingDistance(a: bigint, b: bigint): number {
  let x = BigInt.asUintN(64, a ^ b);
  let count = 0;
  while (x > 0n) {
    x &= x - 1n;
    count++;
  }
  return count;
}
