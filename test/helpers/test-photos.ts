/** A 320x240 RGB test picture (gradients and a checker pattern) as raw pixels, for sharp({ raw }). */
export const PHOTO_SIZE = { width: 320, height: 240, channels: 3 } as const;

export function testPhotoPixels(): Buffer {
  const { width, height } = PHOTO_SIZE;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      pixels[o] = (x * 255) / width;
      pixels[o + 1] = (y * 255) / height;
      pixels[o + 2] = ((x ^ y) & 32) * 4;
    }
  }
  return pixels;
}
