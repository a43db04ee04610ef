import type { OpenedServices } from '../app-services.ts';

/**
 * The HTTP server listens before the database is open (so /api/health can answer 503 while
 * migrating) and stays up while stopping; this says whether requests can be served.
 */
export type ServerState = { services: OpenedServices | null; ready: boolean };
