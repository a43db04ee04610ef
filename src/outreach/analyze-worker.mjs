// Entry of an analysis worker thread. Worker threads do not inherit the TypeScript loader that tsx
// registered in the main thread (neither through `register()` in bin/baken.mjs nor through the tsx
// CLI on Node 20), so the worker registers it itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./analyze-worker.ts');
