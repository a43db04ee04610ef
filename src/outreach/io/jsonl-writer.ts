import fs from 'node:fs';

/**
 * A buffered JSON Lines writer: lines are gathered into chunks of about `chunkChars` characters and
 * written with one system call each, waiting for the file when it falls behind.
 */
export class JsonlWriter {
  private parts: string[] = [];
  private size = 0;
  private handle: fs.promises.FileHandle | null = null;
  private lines = 0;

  private constructor(
    private readonly path: string,
    private readonly chunkChars: number,
  ) {}

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
    this.parts.push(line, '\n');
    this.size += line.length + 1;
    this.lines++;
    if (this.size >= this.chunkChars) return this.flush();
    return undefined;
  }

  async flush(): Promise<void> {
    if (this.size === 0 || !this.handle) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    // writeFile on a handle writes from the current position and loops over partial writes.
    await this.handle.writeFile(text, 'utf8');
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
