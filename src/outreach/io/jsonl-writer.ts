import fs from 'node:fs';

const encoder = new TextEncoder();

/**
 * A buffered JSON Lines writer: each line is encoded as UTF-8 straight into one reused byte buffer
 * (no joined strings, no per-chunk conversion), which is written with one system call when about
 * `chunkChars` bytes are gathered, waiting for the file when it falls behind.
 */
export class JsonlWriter {
  private buf: Uint8Array;
  private used = 0;
  private handle: fs.promises.FileHandle | null = null;
  private lines = 0;

  private constructor(
    private readonly path: string,
    private readonly chunkChars: number,
  ) {
    this.buf = new Uint8Array(chunkChars + (1 << 16));
  }

  static async open(path: string, opts: { chunkChars?: number } = {}): Promise<JsonlWriter> {
    const w = new JsonlWriter(path, opts.chunkChars ?? 1 << 20);
    w.handle = await fs.promises.open(path, 'w');
    return w;
  }

  get linesWritten(): number {
    return this.lines;
  }

  /** Writes one value as one line. Returns a promise only when the buffer was flushed (await it). */
  write(value: unknown): Promise<void> | undefined {
    return this.writeLine(JSON.stringify(value));
  }

  /** Writes an already serialised line (without its line break). */
  writeLine(line: string): Promise<void> | undefined {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    const need = this.used + 3 * line.length + 1;
    if (need > this.buf.length) {
      const bigger = new Uint8Array(Math.max(need, 2 * this.buf.length));
      bigger.set(this.buf.subarray(0, this.used));
      this.buf = bigger;
    }
    this.used += encoder.encodeInto(line, this.buf.subarray(this.used)).written;
    this.buf[this.used++] = 10;
    this.lines++;
    if (this.used >= this.chunkChars) return this.flush();
    return undefined;
  }

  async flush(): Promise<void> {
    if (this.used === 0 || !this.handle) return;
    const bytes = this.buf.subarray(0, this.used);
    // A fresh buffer, so that lines written before this flush completes cannot touch the bytes in flight.
    this.buf = new Uint8Array(this.chunkChars + (1 << 16));
    this.used = 0;
    // writeFile on a handle writes from the current position and loops over partial writes.
    await this.handle.writeFile(bytes);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.handle?.close();
    this.handle = null;
  }

  toString(): string {
    return `JsonlWriter(${this.path})`;
  }
}
