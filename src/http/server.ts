import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { DomainError } from '../errors/catalogue.ts';
import { registerAuthHooks } from './auth-hooks.ts';
import { handleError, sendError } from './error-handler.ts';
import { registerJsonParser } from './json-body.ts';
import { adminAuditRoutes } from './routes/admin-audit.ts';
import { adminJobRoutes } from './routes/admin-jobs.ts';
import { adminOrganisationRoutes } from './routes/admin-organisations.ts';
import { adminRoleRoutes } from './routes/admin-roles.ts';
import { adminUserRoutes } from './routes/admin-users.ts';
import { authRoutes } from './routes/auth.ts';
import { healthRoutes } from './routes/health.ts';
import { meRoutes } from './routes/me.ts';
import { caseRoutes } from './routes/cases.ts';
import { clockRoutes } from './routes/clocks.ts';
import { identificationRoutes } from './routes/identification.ts';
import { rightsRoutes } from './routes/rights.ts';
import { workspaceRoutes } from './routes/workspace.ts';
import { publicIntakeRoutes } from './routes/public-intake.ts';
import { referralRoutes } from './routes/referrals.ts';
import { signalRoutes } from './routes/signals.ts';
import { testClockRoutes } from './routes/test-clock.ts';
import { outreachContactRoutes } from './routes/outreach-contact.ts';
import { outreachFunnelRoutes } from './routes/outreach-funnel.ts';
import { outreachHandoverRoutes } from './routes/outreach-handover.ts';
import { outreachImportRoutes } from './routes/outreach-import.ts';
import { outreachWorklistRoutes } from './routes/outreach-worklist.ts';
import type { ServerState } from './server-state.ts';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../dist/web');

/** Builds the HTTP app: API under /api (documented at /api/docs), the web app everywhere else. */
export async function buildServer(config: Config, state: ServerState, logger: Logger): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: logger as unknown as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  registerJsonParser(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.cookieSecure ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Baken API', version: '0.1.0', description: 'National referral mechanism and online outreach. Cookie sessions; writes need the x-csrf-token header from GET /api/auth/session.' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { url: '/api/openapi.json' } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAuthHooks(app, state, config.cookieSecure);
  await app.register(healthRoutes(state));
  await app.register(authRoutes(config));
  await app.register(meRoutes);
  await app.register(adminOrganisationRoutes);
  await app.register(adminUserRoutes);
  await app.register(adminRoleRoutes);
  await app.register(adminAuditRoutes);
  await app.register(adminJobRoutes);
  await app.register(signalRoutes);
  await app.register(publicIntakeRoutes(config));
  await app.register(caseRoutes);
  await app.register(referralRoutes);
  await app.register(clockRoutes);
  await app.register(identificationRoutes);
  await app.register(workspaceRoutes);
  await app.register(rightsRoutes);
  await app.register(outreachImportRoutes);
  await app.register(outreachWorklistRoutes);
  await app.register(outreachContactRoutes);
  await app.register(outreachHandoverRoutes);
  await app.register(outreachFunnelRoutes);
  if (config.testClock) await app.register(testClockRoutes(state));

  const hasWeb = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false, cacheControl: false });
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/')) return sendError(reply, 'NOT_FOUND', `No such endpoint: ${request.method} ${request.url.split('?')[0]}`);
    if (request.method !== 'GET' && request.method !== 'HEAD') throw new DomainError('METHOD_NOT_ALLOWED');
    if (!hasWeb) return reply.status(404).type('text/plain').send('The web app is not built. Run `npm run build:web` (npm start does this).');
    // The single-page app routes in the browser; every other path gets its shell.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
