import { z } from 'zod';
import { ORGANISATION_TYPES } from '../identity/organisation-types.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../identity/passwords.ts';

/** Shared request/response pieces. Objects are strict: unknown fields are refused, not ignored. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    problems: z.array(z.object({ field: z.string(), problem: z.string() })),
  }),
});

export const uuidParam = z.strictObject({ id: z.uuid('must be a UUID') });
export const email = z.string().trim().min(3).max(254).pipe(z.email('must be an e-mail address'));
export const password = z.string().min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`).max(PASSWORD_MAX_LENGTH);
export const displayName = z.string().trim().min(1, 'is required').max(200);
export const organisationType = z.enum(ORGANISATION_TYPES);
export const scope = z.enum(['own', 'organisation', 'assigned', 'all']);
export const otpCode = z.string().trim().min(6).max(20);
export const grant = z.string().max(100);

export const organisation = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  region: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  userCount: z.number().optional(),
});

export const user = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  organisation: z.object({ id: z.string(), name: z.string() }),
  role: z.object({ id: z.string(), name: z.string() }),
  totpEnabled: z.boolean(),
  locked: z.boolean(),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});

export const stage = z.enum(['second-factor', 'enrol', 'full']);

export const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, errorBody]));
