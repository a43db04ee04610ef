import { fieldProblems } from '../../api/client.ts';
import { translateProblem } from '../../lib/problems.ts';

/**
 * Server problems per form field, translated where known. A problem on a nested path
 * (`person.citizenships.1`) belongs to the field it starts with (`person.citizenships`); problems
 * on fields the form does not show make `unmatched` true, so the form shows the error as a whole.
 */
export function problemsByField(error: unknown, fields: readonly string[]): { fieldErrors: Record<string, string>; unmatched: boolean } {
  const fieldErrors: Record<string, string> = {};
  let unmatched = false;
  for (const [field, problem] of Object.entries(fieldProblems(error))) {
    const known = fields.find((name) => field === name || field.startsWith(`${name}.`));
    if (!known) {
      unmatched = true;
      continue;
    }
    const message = translateProblem(problem);
    fieldErrors[known] = fieldErrors[known] ? `${fieldErrors[known]} ${message}` : message;
  }
  return { fieldErrors, unmatched };
}
