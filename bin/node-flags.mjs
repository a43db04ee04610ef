import os from 'node:os';

/** V8's usual heap limit on 64-bit machines (MB). */
const DEFAULT_HEAP_MB = 4096;

/**
 * V8 flags a command runs with (bin/baken.mjs starts Node again with them when they are missing; the
 * outreach benchmark starts its measuring process with them too, so it measures what the command does).
 *
 * `outreach analyze` makes about 16 KB of short-lived objects per ad and keeps a little of every ad; a
 * 64 MB young generation (16 MB by default) collects a quarter as often, so fewer kept objects are
 * copied before they settle. Measured on 1,000,000 ads, one thread: 2-7% less time in three
 * interleaved pairs (e.g. 51.7 -> 49.1 s), for about 60 MB more peak memory.
 *
 * It also keeps about 440 bytes of JavaScript heap per ad until the end (the rest of its memory is in
 * typed arrays, outside the heap). V8's heap limit is 4 GB on most machines whatever their memory, so
 * an input of about nine million ads would stop with "heap out of memory" after most of the work: the
 * limit is raised to three quarters of the machine's memory when that is more (not when NODE_OPTIONS
 * sets it already).
 */
export function nodeFlagsFor(args, totalMemory = os.totalmem(), nodeOptions = process.env.NODE_OPTIONS ?? '') {
  if (args[0] !== 'outreach' || args[1] !== 'analyze') return [];
  const flags = ['--max-semi-space-size=64'];
  const heapMB = Math.floor((0.75 * totalMemory) / 1048576);
  if (heapMB > DEFAULT_HEAP_MB && !nodeOptions.includes('--max-old-space-size')) flags.push(`--max-old-space-size=${heapMB}`);
  return flags;
}
