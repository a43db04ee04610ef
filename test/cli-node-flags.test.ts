import { describe, expect, it } from 'vitest';
import { nodeFlagsFor } from '../bin/node-flags.mjs';

const GB = 1024 ** 3;

describe('nodeFlagsFor', () => {
  it('gives outreach analyze a larger young generation, and no flags to other commands', () => {
    expect(nodeFlagsFor(['serve'], 24 * GB, '')).toEqual([]);
    expect(nodeFlagsFor(['outreach', 'generate'], 24 * GB, '')).toEqual([]);
    expect(nodeFlagsFor(['outreach', 'analyze', 'in.jsonl'], 4 * GB, '')).toEqual(['--max-semi-space-size=64']);
  });

  it('raises the heap limit to three quarters of a large machine, unless NODE_OPTIONS sets it', () => {
    expect(nodeFlagsFor(['outreach', 'analyze'], 24 * GB, '')).toEqual(['--max-semi-space-size=64', '--max-old-space-size=18432']);
    expect(nodeFlagsFor(['outreach', 'analyze'], 24 * GB, '--max-old-space-size=2048')).toEqual(['--max-semi-space-size=64']);
    // 3/4 of 5 GB is below V8's usual 4 GB: left as it is
    expect(nodeFlagsFor(['outreach', 'analyze'], 5 * GB, '')).toEqual(['--max-semi-space-size=64']);
  });
});
