import { ApiError, fieldProblems } from '../api/client.ts';
import i18n from '../i18n/index.ts';

/**
 * The server describes field problems in English. The ones it is known to send are shown in the
 * interface language; anything else is shown as the server wrote it.
 */
const KNOWN: [RegExp, string][] = [
  [/^is required\.?$/i, 'problems.required'],
  [/^must be at least (\d+) characters?\.?$/i, 'problems.minLength'],
  [/^too small: expected string to have >=?(\d+) characters?$/i, 'problems.minLength'],
  [/^must be an e-mail address\.?$/i, 'problems.email'],
  [/^must be a UUID\.?$/i, 'problems.uuid'],
  [/^A user with this e-mail address already exists\.?$/i, 'problems.emailTaken'],
  [/^An organisation with this name already exists\.?$/i, 'problems.organisationNameTaken'],
  [/^A role with this id already exists\.?$/i, 'problems.roleIdTaken'],
  [/^No such organisation\.?$/i, 'problems.noSuchOrganisation'],
  [/^The organisation is deactivated\.?$/i, 'problems.organisationInactive'],
  [/^No such role\.?$/i, 'problems.noSuchRole'],
  [/^use lower-case letters, digits and dashes\.?$/i, 'problems.roleIdFormat'],
];

export function translateProblem(problem: string): string {
  for (const [pattern, key] of KNOWN) {
    const match = pattern.exec(problem.trim());
    if (match) return i18n.t(key, { min: match[1] });
  }
  return problem;
}

/**
 * Splits a failed request into messages per form field and an error for the whole form. The form
 * error is left out when every problem belongs to a field shown in the form.
 */
export function formErrors(error: unknown, fields: readonly string[]): { fieldErrors: Record<string, string>; formError: unknown } {
  const raw = fieldProblems(error);
  const fieldErrors: Record<string, string> = {};
  let unmatched = false;
  for (const [field, problem] of Object.entries(raw)) {
    if (fields.includes(field)) fieldErrors[field] = translateProblem(problem);
    else unmatched = true;
  }
  const allAtFields = error instanceof ApiError && Object.keys(raw).length > 0 && !unmatched;
  return { fieldErrors, formError: allAtFields ? null : error };
}
