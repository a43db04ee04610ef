import { describe, expect, it } from 'vitest';
import { defaultWorkers } from '../src/outreach/default-workers.ts';

describe('defaultWorkers', () => {
  const MiB = 1 << 20;
  it('starts none for small inputs or a single core', () => {
    expect(defaultWorkers(10 * MiB, 32 * MiB, 8, 0)).toBe(0);
    expect(defaultWorkers(100 * MiB, 32 * MiB, 1, 0)).toBe(0);
  });

  it('starts one per core left idle by other processes, beyond the one this thread uses', () => {
    expect(defaultWorkers(100 * MiB, 32 * MiB, 2, 0)).toBe(1);
    expect(defaultWorkers(100 * MiB, 32 * MiB, 2, 0.4)).toBe(1);
    expect(defaultWorkers(100 * MiB, 32 * MiB, 2, 0.6)).toBe(0);
    expect(defaultWorkers(100 * MiB, 32 * MiB, 2, 7.5)).toBe(0);
    expect(defaultWorkers(100 * MiB, 32 * MiB, 8, 0)).toBe(7);
    expect(defaultWorkers(100 * MiB, 32 * MiB, 8, 3.2)).toBe(4);
    expect(defaultWorkers(100 * MiB, 32 * MiB, 8, -1)).toBe(7);
  });
});
