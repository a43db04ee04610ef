import { Worker } from 'node:worker_threads';
import type { BatchRequest, BatchResponse, WorkerOptions } from './analyze-worker.ts';
import type { ByteBatch } from './io/jsonl-lines.ts';

/**
 * A fixed pool of analysis workers. Batches go to the least busy worker, at most `depth` in flight per
 * worker so that reading never runs far ahead of analysis (memory stays bounded on any input size).
 */
export class AnalyzePool {
  private readonly workers: Worker[] = [];
  private readonly inFlight: number[] = [];
  private readonly waiting = new Map<number, { resolve: (r: BatchResponse) => void; reject: (e: Error) => void; worker: number }>();
  private slotWaiters: (() => void)[] = [];
  private seq = 0;
  private failure: Error | null = null;

  constructor(
    size: number,
    options: WorkerOptions,
    // Three: while this thread analyses a batch of its own (and decodes and indexes the workers' ads,
    // which workers cannot do for it), a worker with at most two batches in hand was idle 15% of the time.
    private readonly depth = 3,
  ) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(new URL('./analyze-worker.mjs', import.meta.url), { workerData: options });
      w.on('message', (r: BatchResponse) => this.settle(r));
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`analysis worker stopped with exit code ${code}`));
      });
      this.workers.push(w);
      this.inFlight.push(0);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Whether a worker can take another batch now. */
  hasRoom(): boolean {
    return !this.failure && Math.min(...this.inFlight) < this.depth;
  }

  /** Resolves when a worker can take another batch (rejects when the pool failed). */
  async waitForRoom(): Promise<void> {
    while (!this.failure && Math.min(...this.inFlight) >= this.depth) await new Promise<void>((r) => this.slotWaiters.push(r));
    if (this.failure) throw this.failure;
  }

  /** Sends one batch to the least busy worker (its bytes are transferred) and resolves with the answer. */
  send(batch: ByteBatch): Promise<BatchResponse> {
    if (this.failure) return Promise.reject(this.failure);
    let w = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.inFlight[i]! < this.inFlight[w]!) w = i;
    const seq = this.seq++;
    this.inFlight[w]!++;
    // Transfer only a buffer the batch owns entirely; a view into a shared read buffer is copied.
    const own = batch.bytes.byteOffset === 0 && batch.bytes.byteLength === batch.bytes.buffer.byteLength;
    const bytes = own ? batch.bytes : new Uint8Array(batch.bytes);
    const req: BatchRequest = { seq, firstLine: batch.firstLine, lineCount: batch.lineCount, bytes };
    return new Promise<BatchResponse>((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject, worker: w });
      this.workers[w]!.postMessage(req, [bytes.buffer as ArrayBuffer]);
    });
  }

  private settle(r: BatchResponse): void {
    const job = this.waiting.get(r.seq);
    if (!job) return;
    this.waiting.delete(r.seq);
    this.inFlight[job.worker]!--;
    this.slotWaiters.shift()?.();
    if (r.error) job.reject(new Error(`analysis failed in a worker: ${r.error}`));
    else job.resolve(r);
  }

  private fail(e: Error): void {
    if (this.failure) return;
    this.failure = e;
    for (const job of this.waiting.values()) job.reject(e);
    this.waiting.clear();
    for (const wake of this.slotWaiters) wake();
    this.slotWaiters = [];
  }

  async close(): Promise<void> {
    this.failure ??= new Error('pool closed');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
