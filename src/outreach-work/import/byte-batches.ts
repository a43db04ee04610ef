import type { ByteBatch } from '../../outreach/io/jsonl-lines.ts';
import { countLineBreaks } from '../../outreach/io/jsonl-lines.ts';

/**
 * Batches of whole lines from a file held in memory (an uploaded file is decrypted in one piece, see
 * files/file-format.ts), cut like io/jsonl-lines.ts readByteBatches cuts a file on disk: at the last
 * line break within about `targetBytes`; a longer line makes a longer batch.
 */
export function* bufferByteBatches(buf: Buffer, targetBytes = 256 * 1024): Generator<ByteBatch> {
  let start = 0;
  let line = 1;
  while (start < buf.length) {
    const limit = Math.min(buf.length, start + Math.max(1, targetBytes));
    let end: number;
    if (limit === buf.length) end = buf.length;
    else {
      const nl = buf.lastIndexOf(0x0a, limit - 1);
      end = nl >= start ? nl + 1 : buf.indexOf(0x0a, limit) + 1 || buf.length;
    }
    const bytes = buf.subarray(start, end);
    const breaks = countLineBreaks(bytes);
    const lineCount = breaks + (bytes[bytes.length - 1] === 0x0a ? 0 : 1);
    yield { firstLine: line, bytes, lineCount };
    line += lineCount;
    start = end;
  }
}
