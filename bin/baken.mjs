#!/usr/bin/env node
// Entry point of the `baken` command. The code base is TypeScript; tsx compiles it on load so that
// `npx baken` works straight after `npm ci` without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
