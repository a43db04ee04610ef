/**
 * A bump allocator for temporary typed arrays. V8 starts a full garbage collection for roughly every
 * 64 MB of new ArrayBuffer memory, and a full collection walks the whole heap (over a gigabyte with a
 * million ads' features in it), so clustering takes its temporaries from one buffer allocated once and
 * reused phase by phase (mark/reset) instead of allocating hundreds of megabytes of short-lived arrays.
 * Arrays handed out are zero-filled, like `new Int32Array(n)`. When the buffer is too small the array is
 * allocated normally (correct, just not free).
 */
export class Arena {
  private readonly buffer: ArrayBuffer;
  private offset = 0;
  /** Bytes that did not fit and were allocated outside the arena. */
  overflowBytes = 0;

  constructor(bytes: number) {
    this.buffer = new ArrayBuffer(Math.max(64, Math.ceil(bytes / 8) * 8));
  }

  get capacity(): number {
    return this.buffer.byteLength;
  }

  mark(): number {
    return this.offset;
  }

  reset(mark: number): void {
    this.offset = mark;
  }

  private take(bytes: number): number {
    const at = this.offset;
    const end = at + Math.ceil(bytes / 8) * 8;
    if (end > this.buffer.byteLength) {
      this.overflowBytes += bytes;
      return -1;
    }
    this.offset = end;
    return at;
  }

  i32(n: number): Int32Array {
    const at = this.take(n * 4);
    if (at < 0) return new Int32Array(n);
    const a = new Int32Array(this.buffer, at, n);
    a.fill(0);
    return a;
  }

  u32(n: number): Uint32Array {
    const at = this.take(n * 4);
    if (at < 0) return new Uint32Array(n);
    const a = new Uint32Array(this.buffer, at, n);
    a.fill(0);
    return a;
  }

  u8(n: number): Uint8Array {
    const at = this.take(n);
    if (at < 0) return new Uint8Array(n);
    const a = new Uint8Array(this.buffer, at, n);
    a.fill(0);
    return a;
  }
}

/** Arena used when a caller passes none: allocates normally. */
export const noArena = new Arena(0);
