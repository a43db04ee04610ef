// Proof of work for the public report pages: find a decimal nonce such that
// SHA-256(challenge + ':' + nonce) starts with `difficulty` zero bits. Work runs in batches of
// digests (crypto.subtle is asynchronous) and yields to the page between batches so it stays
// responsive and can report progress.

const BATCH = 256;

/** The number of leading zero bits of a digest. */
export function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (const byte of bytes) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export type SolveOptions = {
  /** Called after every batch with the number of attempts so far. */
  onProgress?: (attempts: number) => void;
  signal?: AbortSignal;
  /** Give up after this many attempts (a safety net; the expected number is 2^difficulty). */
  maxAttempts?: number;
};

export async function solveProofOfWork(challenge: string, difficulty: number, options: SolveOptions = {}): Promise<string> {
  const encoder = new TextEncoder();
  const maxAttempts = options.maxAttempts ?? Math.max(1_000_000, 2 ** Math.min(difficulty, 40) * 64);
  for (let start = 0; start < maxAttempts; start += BATCH) {
    if (options.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    const digests = await Promise.all(
      Array.from({ length: BATCH }, (_, offset) => crypto.subtle.digest('SHA-256', encoder.encode(`${challenge}:${start + offset}`))),
    );
    for (let offset = 0; offset < digests.length; offset += 1) {
      const digest = digests[offset];
      if (digest && leadingZeroBits(new Uint8Array(digest)) >= difficulty) return String(start + offset);
    }
    options.onProgress?.(start + BATCH);
    // Let the browser paint and handle input between batches.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  throw new Error('No proof of work found');
}
