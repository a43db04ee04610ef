import fs from 'node:fs';

/** A run of consecutive input lines; `firstLine` is the 1-based number of `lines[0]`. */
export type LineBatch = { firstLine: number; lines: string[] };

/** A run of whole lines as raw UTF-8 bytes (ends at a line break or at the end of the file). */
export type ByteBatch = { firstLine: number; bytes: Uint8Array; lineCount: number };

const NL = 0x0a;

/**
 * Splits a UTF-8 file into batches of whole lines without holding the file in memory. Lines are cut on
 * the bytes (a line break can never be inside a multi-byte character), so a batch is decoded in one
 * `toString` call, which measured faster than readline (see bench/outreach.ts). Each batch is read
 * straight into a buffer of its own, after the partial line carried over from the previous one (no
 * concatenation of read chunks). A line longer than a read chunk is carried over, in a buffer twice as
 * large each time, until its line break arrives, however long it is.
 */
export async function* readByteBatches(path: string, targetBytes = 1 << 20): AsyncGenerator<ByteBatch> {
  const file = await fs.promises.open(path, 'r');
  try {
    const target = Math.max(1, targetBytes);
    let carry: Uint8Array = new Uint8Array(0);
    let line = 1;
    let eof = false;
    while (!eof) {
      const size = carry.length + Math.max(target, carry.length);
      const buf = Buffer.allocUnsafe(size);
      buf.set(carry, 0);
      let filled = carry.length;
      while (filled < size) {
        const { bytesRead } = await file.read(buf, filled, size - filled, null);
        if (bytesRead === 0) {
          eof = true;
          break;
        }
        filled += bytesRead;
      }
      const lastNl = buf.lastIndexOf(NL, filled - 1);
      if (lastNl < 0 || filled === 0) {
        carry = buf.subarray(0, filled);
        continue;
      }
      const bytes = buf.subarray(0, lastNl + 1);
      // The rest is copied before the batch is handed out (its consumer may transfer the buffer).
      carry = lastNl + 1 < filled ? Uint8Array.prototype.slice.call(buf, lastNl + 1, filled) : new Uint8Array(0);
      const lineCount = countLineBreaks(bytes);
      yield { firstLine: line, bytes, lineCount };
      line += lineCount;
    }
    if (carry.length > 0) yield { firstLine: line, bytes: Buffer.from(carry.buffer, carry.byteOffset, carry.length), lineCount: 1 };
  } finally {
    await file.close();
  }
}

export function countLineBreaks(bytes: Uint8Array): number {
  let n = 0;
  let i = bytes.indexOf(NL);
  while (i >= 0) {
    n++;
    i = bytes.indexOf(NL, i + 1);
  }
  return n;
}

/**
 * Decodes a byte batch into its lines (without line breaks; a trailing CR is removed; a BOM on line 1
 * too). Each line is decoded on its own: measured almost twice as fast as decoding the batch and
 * splitting it, because one line with a wide character (Thai, emoji) no longer makes the whole batch
 * a two-byte string.
 */
export function splitLines(batch: ByteBatch): LineBatch {
  const lines: string[] = [];
  eachLine(batch, (text) => {
    lines.push(text);
  });
  return { firstLine: batch.firstLine, lines };
}

/**
 * Calls `fn` with each line of a byte batch (decoded as in splitLines) and its 1-based line number, one
 * at a time: a consumer that is done with a line before the next one is decoded leaves only short-lived
 * garbage, which the young-generation collector frees without copying (a whole batch of lines and
 * records held at once survived several collections and was copied each time).
 */
export function eachLine(batch: ByteBatch, fn: (text: string, line: number) => void): void {
  const b = batch.bytes;
  const buf = Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  let start = batch.firstLine === 1 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const end = buf.length;
  let line = batch.firstLine;
  while (start < end) {
    let nl = buf.indexOf(NL, start);
    if (nl < 0) nl = end;
    const stop = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl;
    fn(stop > start ? buf.toString('utf8', start, stop) : '', line++);
    start = nl + 1;
  }
}

/** Batches of decoded lines, in order. */
export async function* readLineBatches(path: string, targetBytes = 1 << 20): AsyncGenerator<LineBatch> {
  for await (const batch of readByteBatches(path, targetBytes)) yield splitLines(batch);
}
