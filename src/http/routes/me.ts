import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { confirmTotpEnrolment } from '../../identity/confirm-totp-enrolment.ts';
import { disableTotp } from '../../identity/disable-totp.ts';
import { listMySessions } from '../../identity/list-my-sessions.ts';
import { regenerateRecoveryCodes } from '../../identity/regenerate-recovery-codes.ts';
import { revokeSession } from '../../identity/revoke-sessions.ts';
import { startTotpEnrolment } from '../../identity/start-totp-enrolment.ts';
import { updateMyPreferences } from '../../identity/update-my-preferences.ts';
import { errors, otpCode, uuidParam } from '../schemas.ts';

const recoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });

/** The signed-in user's own account: second factor, sessions, preferences. */
export async function meRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['my account'];

  app.post('/api/me/totp/enrol', {
    config: { auth: 'pending' },
    schema: {
      summary: 'Start setting up an authenticator app: returns the secret, otpauth URL and a QR code (SVG)',
      tags,
      response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() }), ...errors(401, 403) },
    },
  }, async (request) => startTotpEnrolment(request.ctx, { userId: request.session!.userId }));

  app.post('/api/me/totp/confirm', {
    config: { auth: 'pending' },
    schema: {
      summary: 'Confirm the authenticator with a code; returns one-time recovery codes (shown once)',
      tags,
      body: z.strictObject({ code: otpCode }),
      response: { 200: recoveryCodes, ...errors(400, 401, 403, 409) },
    },
  }, async (request) => {
    const s = request.session!;
    return { recoveryCodes: await confirmTotpEnrolment(request.ctx, { userId: s.userId, sessionId: s.sessionId, code: request.body.code }) };
  });

  app.post('/api/me/totp/recovery-codes', {
    schema: { summary: 'Replace the recovery codes (needs a current authenticator code)', tags, body: z.strictObject({ code: otpCode }), response: { 200: recoveryCodes, ...errors(400, 401, 403, 409) } },
  }, async (request) => ({ recoveryCodes: await regenerateRecoveryCodes(request.ctx, { userId: request.session!.userId, code: request.body.code }) }));

  app.post('/api/me/totp/disable', {
    schema: { summary: 'Turn the second factor off (only where the role does not require it)', tags, body: z.strictObject({ code: otpCode }), response: { 204: z.null(), ...errors(400, 401, 403, 409) } },
  }, async (request, reply) => {
    await disableTotp(request.ctx, { userId: request.session!.userId, code: request.body.code });
    return reply.status(204).send(null);
  });

  app.get('/api/me/sessions', {
    schema: {
      summary: 'My active sessions',
      tags,
      response: {
        200: z.object({
          items: z.array(z.object({ id: z.string(), createdAt: z.string(), lastSeenAt: z.string(), expiresAt: z.string(), ip: z.string().nullable(), userAgent: z.string().nullable(), current: z.boolean() })),
        }),
        ...errors(401),
      },
    },
  }, async (request) => ({ items: await listMySessions(request.ctx, { userId: request.session!.userId, currentSessionId: request.session!.sessionId }) }));

  app.delete('/api/me/sessions/:id', {
    schema: { summary: 'End one of my sessions', tags, params: uuidParam, response: { 204: z.null(), ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    await revokeSession(request.ctx, { userId: request.session!.userId, sessionId: request.params.id });
    return reply.status(204).send(null);
  });

  app.patch('/api/me', {
    schema: { summary: 'Change my preferences (language)', tags, body: z.strictObject({ locale: z.enum(['nl', 'en']) }), response: { 204: z.null(), ...errors(400, 401, 403) } },
  }, async (request, reply) => {
    await updateMyPreferences(request.ctx, { userId: request.session!.userId, locale: request.body.locale });
    return reply.status(204).send(null);
  });
}
