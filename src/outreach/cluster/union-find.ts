import type { Arena } from './arena.ts';

/** Disjoint sets over 0..n-1 on typed arrays: path halving + union by size. */
export class UnionFind {
  readonly parent: Int32Array;
  readonly size: Int32Array;

  constructor(n: number, arena?: Arena) {
    this.parent = arena ? arena.i32(n) : new Int32Array(n);
    this.size = arena ? arena.i32(n) : new Int32Array(n);
    this.size.fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      const gp = p[p[x]!]!;
      p[x] = gp;
      x = gp;
    }
    return x;
  }

  /** Merges the sets of a and b; returns the new root, or -1 when they were already one set. */
  union(a: number, b: number): number {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return -1;
    // Union by size; on equal size the smaller index wins, so the result does not depend on call order.
    if (this.size[ra]! < this.size[rb]! || (this.size[ra] === this.size[rb] && rb < ra)) {
      const t = ra;
      ra = rb;
      rb = t;
    }
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
    return ra;
  }

  sizeOf(x: number): number {
    return this.size[this.find(x)]!;
  }
}
