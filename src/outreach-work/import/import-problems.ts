/** One line (or, for the ingestion API, one ad by its index) that could not be imported. */
export type ImportProblem = { line: number; message: string };

/** How many problems an import keeps (the count of malformed lines is always complete). */
export const MAX_IMPORT_PROBLEMS = 50;

/**
 * A parse problem without the offending value: problems are stored in clear and shown in lists, and a
 * value from an ad (a phone number, a piece of text) is personal data. `"age" must be a number, got
 * "twenty"` becomes `"age" must be a number`; invalid JSON keeps only where it broke.
 */
export function safeProblem(problem: string): string {
  if (problem.startsWith('invalid JSON')) {
    const position = /position (\d+)/.exec(problem);
    if (position) return `invalid JSON (at character ${Number(position[1]) + 1})`;
    return /Unexpected end/.test(problem) ? 'invalid JSON (the line ends too early)' : 'invalid JSON';
  }
  const cut = problem.indexOf(', got ');
  return cut > 0 ? problem.slice(0, cut) : problem;
}
