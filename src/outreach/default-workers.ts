import os from 'node:os';

/**
 * How many analysis workers `runAnalysis` starts when the caller does not say: none for small inputs,
 * and otherwise one per core that other processes leave idle beyond the one this thread runs on (by the
 * 1-minute load average), at most cores - 1.
 *
 * Why not always cores - 1: a worker only pays when it gets a core of its own. It costs CPU that one
 * thread does not spend (its start-up: loading the analyser, phone metadata and language model; the
 * encoding and decoding of every ad it analyses; a second heap to collect), and two busy threads on a
 * machine whose cores are already taken slow each other down. Measured on a 2-core machine running
 * other test suites (load average 3-8), 100,000 ads: one worker plus this thread used 15-19 s of CPU
 * against 10-11 s for this thread alone, and finished later in 9 runs out of 10.
 */
export function defaultWorkers(
  inputBytes: number,
  parallelAboveBytes: number,
  cores: number = os.availableParallelism(),
  loadAverage: number = os.loadavg()[0] ?? 0,
): number {
  if (cores <= 1 || inputBytes <= parallelAboveBytes) return 0;
  const idle = Math.round(cores - 1 - Math.max(0, loadAverage));
  return Math.max(0, Math.min(cores - 1, idle));
}
