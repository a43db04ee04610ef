#!/usr/bin/env node
// Entry point of the `baken` command. The code base is TypeScript; tsx compiles it on load so that
// `npx baken` works straight after `npm ci` without a build step.
import { spawnSync } from 'node:child_process';
import { nodeFlagsFor } from './node-flags.mjs';

const flags = nodeFlagsFor(process.argv.slice(2));
const missing = flags.filter((f) => !process.execArgv.some((a) => a.split('=')[0] === f.split('=')[0]));
if (missing.length > 0) {
  // V8's heap sizes are set when the process starts: start again with them (the same terminal, so
  // Ctrl-C reaches both; the exit code is passed on).
  const child = spawnSync(process.execPath, [...missing, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  if (child.error) throw child.error;
  if (child.signal) process.kill(process.pid, child.signal);
  process.exit(child.status ?? 1);
}

const { register } = await import('tsx/esm/api');
register();
await import('../src/cli/main.ts');
