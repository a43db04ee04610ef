import fs from 'node:fs';
import { JsonBytes } from './json-bytes.ts';

/**
 * A buffered JSON Lines writer: each line is encoded as UTF-8 straight into one byte buffer (no joined
 * strings, no per-chunk conversion), which is written with one system call when about `chunkChars`
 * bytes are gathered, while the next chunk is gathered (waiting for the file when it falls behind). A
 * line is either a whole string (`writeLine`) or written piece by piece into `line` and then ended
 * (`endLine`).
 */
export class JsonlWriter {
  /** The buffer the current line is written into (its pieces: JsonBytes). */
  readonly line: JsonBytes;
  private handle: fs.promises.FileHandle | null = null;
  /** The write in flight (flush). */
  private writing: Promise<void> = Promise.resolve();
  private lines = 0;

  private constructor(
    private readonly path: string,
    private readonly chunkChars: number,
  ) {
    this.line = new JsonBytes(this.capacity());
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
    this.line.text(line);
    return this.endLine();
  }

  /** Ends the line written into `line`. Returns a promise only when the buffer was flushed (await it). */
  endLine(): Promise<void> | undefined {
    this.line.byte(10);
    this.lines++;
    if (this.line.used >= this.chunkChars) return this.flush();
    return undefined;
  }

  /**
   * Starts writing the gathered bytes, after waiting for the write before it: the caller gathers the
   * next chunk while this one goes to the file (awaiting each write in turn left this thread idle for
   * about 20 ms per 40 MB written; now about half that). A failed write is thrown by the next flush or
   * by close.
   */
  async flush(): Promise<void> {
    if (this.line.used === 0 || !this.handle) return;
    // A fresh buffer, so that lines written before this flush completes cannot touch the bytes in flight.
    const bytes = this.line.take(this.capacity());
    const handle = this.handle;
    await this.writing;
    // writeFile on a handle writes from the current position and loops over partial writes.
    this.writing = handle.writeFile(bytes);
    // Kept rejected for the next flush or close to throw, without counting as unhandled meanwhile.
    this.writing.catch(() => {});
  }

  async close(): Promise<void> {
    try {
      await this.flush();
      await this.writing;
    } finally {
      await this.handle?.close();
      this.handle = null;
    }
  }

  toString(): string {
    return `JsonlWriter(${this.path})`;
  }

  private capacity(): number {
    return this.chunkChars + (1 << 16);
  }
}
