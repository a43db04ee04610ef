import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { getSessionUser } from '../../identity/get-session-user.ts';
import { login } from '../../identity/login.ts';
import { revokeAllSessions, revokeSession } from '../../identity/revoke-sessions.ts';
import { verifySecondFactor } from '../../identity/verify-second-factor.ts';
import { sessionCookieName } from '../auth-hooks.ts';
import { email, errors, otpCode, stage } from '../schemas.ts';

export function authRoutes(config: Config) {
  const cookie = sessionCookieName(config.cookieSecure);
  const clearCookie = (reply: FastifyReply) => reply.clearCookie(cookie, { path: '/', secure: config.cookieSecure, httpOnly: true, sameSite: 'strict' });

  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['auth'];

    app.post('/api/auth/login', {
      config: {
        auth: 'public',
        csrf: false,
        rateLimit: { max: config.loginRatePerMinute, timeWindow: '1 minute' },
      },
      schema: {
        summary: 'Sign in with e-mail and password; the answer says which step comes next',
        tags,
        body: z.strictObject({ email, password: z.string().min(1, 'is required').max(200) }),
        response: { 200: z.object({ stage }), ...errors(400, 401, 423, 429) },
      },
    }, async (request, reply) => {
      const result = await login(request.ctx, request.body);
      reply.setCookie(cookie, result.token, {
        path: '/',
        httpOnly: true,
        secure: config.cookieSecure,
        sameSite: 'strict',
        maxAge: config.sessionAbsoluteHours * 3600,
      });
      return { stage: result.stage };
    });

    app.post('/api/auth/second-factor', {
      config: { auth: 'pending', rateLimit: { max: config.loginRatePerMinute, timeWindow: '1 minute' } },
      schema: {
        summary: 'Second sign-in step: a 6-digit authenticator code or a recovery code',
        tags,
        body: z.strictObject({ code: otpCode }),
        response: { 200: z.object({ stage }), ...errors(400, 401, 403, 409, 423, 429) },
      },
    }, async (request) => {
      const session = request.session!;
      await verifySecondFactor(request.ctx, { sessionId: session.sessionId, userId: session.userId, code: request.body.code });
      return { stage: 'full' as const };
    });

    app.get('/api/auth/session', {
      config: { auth: 'pending' },
      schema: {
        summary: 'The current session: stage, CSRF token and the signed-in user with their grants',
        tags,
        response: {
          200: z.object({
            stage,
            csrfToken: z.string(),
            user: z.object({
              id: z.string(),
              email: z.string(),
              displayName: z.string(),
              locale: z.enum(['nl', 'en']),
              organisation: z.object({ id: z.string(), name: z.string(), type: z.string() }),
              role: z.object({ id: z.string(), name: z.string(), scope: z.string() }),
              grants: z.array(z.string()),
              totpEnabled: z.boolean(),
              secondFactorRequired: z.boolean(),
            }),
          }),
          ...errors(401),
        },
      },
    }, async (request) => {
      const session = request.session!;
      // Until the sign-in is complete the actor holds no grants; show none.
      const user = await getSessionUser(request.ctx, session.userId);
      return { stage: session.stage, csrfToken: session.csrfToken, user };
    });

    app.post('/api/auth/logout', {
      config: { auth: 'pending' },
      schema: { summary: 'Sign out this session', tags, response: { 204: z.null(), ...errors(401, 403) } },
    }, async (request, reply) => {
      const session = request.session!;
      await revokeSession(request.ctx, { userId: session.userId, sessionId: session.sessionId });
      clearCookie(reply);
      return reply.status(204).send(null);
    });

    app.post('/api/auth/logout-everywhere', {
      schema: { summary: 'Sign out every session of this user, on every device', tags, response: { 204: z.null(), ...errors(401, 403) } },
    }, async (request, reply) => {
      await revokeAllSessions(request.ctx, { userId: request.session!.userId, reason: 'user signed out everywhere' });
      clearCookie(reply);
      return reply.status(204).send(null);
    });
  };
}
