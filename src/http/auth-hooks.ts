import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { anonymousActor } from '../access/actor.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors/catalogue.ts';
import { resolveSession, type ResolvedSession } from '../identity/resolve-session.ts';
import type { ServerState } from './server-state.ts';

/** Who may call a route: anyone, a half-signed-in session (second factor / enrolment), or a full session. */
export type AuthLevel = 'public' | 'pending' | 'user';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
    session: ResolvedSession | null;
  }
  interface FastifyContextConfig {
    auth?: AuthLevel;
    /** Cookie-authenticated writes need the CSRF header unless this is false (login). */
    csrf?: boolean;
  }
}

export const sessionCookieName = (secure: boolean) => (secure ? '__Host-baken_session' : 'baken_session');

const isPublicDocs = (url: string) => url === '/api/openapi.json' || url.startsWith('/api/docs');

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export function registerAuthHooks(app: FastifyInstance, state: ServerState, cookieSecure: boolean) {
  const cookieName = sessionCookieName(cookieSecure);
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const services = state.services;
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/health')) return;
    if (!state.ready || !services) throw new DomainError('NOT_READY');
    const token = request.cookies[cookieName];
    request.session = token ? await resolveSession(services.db, services.config, token, services.clock.now()) : null;
    request.ctx = {
      db: services.db,
      clock: services.clock,
      keyring: services.keyring,
      config: services.config,
      logger: request.log as unknown as Ctx['logger'],
      actor: request.session?.stage === 'full' ? request.session.actor : anonymousActor(),
      origin: { ip: request.ip, requestId: request.id, userAgent: request.headers['user-agent'] ?? null },
    };
  });

  app.addHook('preValidation', async (request: FastifyRequest, _reply: FastifyReply) => {
    const config = request.routeOptions.config ?? {};
    if (!request.url.startsWith('/api/') || isPublicDocs(request.url) || request.is404) return;
    const level: AuthLevel = config.auth ?? 'user';
    const session = request.session;
    if (level !== 'public') {
      if (!session) throw new DomainError('UNAUTHENTICATED');
      if (level === 'user' && session.stage !== 'full') throw new DomainError('SECOND_FACTOR_REQUIRED');
    }
    if (session && UNSAFE.has(request.method) && config.csrf !== false) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, session.csrfToken)) throw new DomainError('CSRF_FAILED');
    }
  });
}
