/**
 * V8 flags a command runs with (bin/baken.mjs starts Node again with them when they are missing; the
 * outreach benchmark starts its measuring process with them too, so it measures what the command does).
 *
 * `outreach analyze` makes about 16 KB of short-lived objects per ad and keeps a little of every ad; a
 * 64 MB young generation (16 MB by default) collects a quarter as often, so fewer kept objects are
 * copied before they settle. Measured on 1,000,000 ads, one thread: 2-7% less time in three
 * interleaved pairs (e.g. 51.7 -> 49.1 s), for about 60 MB more peak memory.
 */
export function nodeFlagsFor(args) {
  return args[0] === 'outreach' && args[1] === 'analyze' ? ['--max-semi-space-size=64'] : [];
}
