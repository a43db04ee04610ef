import { type Arena, noArena } from './arena.ts';

/** A growable Int32 vector (amortised doubling), so link lists need no per-item objects. */
export class IntVec {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(capacity, 16));
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * Compressed sparse rows from (row, value) pairs: values of row r are `values[start[r] .. start[r+1])`,
 * in the order the pairs were pushed (a stable counting sort).
 */
export function toCsr(rows: number, pairRow: Int32Array, pairValue: Int32Array, arena: Arena = noArena): { start: Int32Array; values: Int32Array } {
  const start = arena.i32(rows + 1);
  const m = pairRow.length;
  for (let i = 0; i < m; i++) start[pairRow[i]! + 1]!++;
  for (let r = 0; r < rows; r++) start[r + 1]! += start[r]!;
  const fill = arena.i32(rows);
  fill.set(start.subarray(0, rows));
  const values = arena.i32(m);
  for (let i = 0; i < m; i++) values[fill[pairRow[i]!]!++] = pairValue[i]!;
  return { start, values };
}

/** A growable Float64 vector. */
export class F64Vec {
  data: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Float64Array(Math.max(capacity, 16));
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}
