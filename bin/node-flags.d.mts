/** See node-flags.mjs. */
export function nodeFlagsFor(args: readonly string[], totalMemory?: number, nodeOptions?: string): string[];
