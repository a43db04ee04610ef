/** See node-flags.mjs. */
export function nodeFlagsFor(args: readonly string[]): string[];
