import crypto from 'node:crypto';
import type { OutreachProvider } from './provider.ts';

/**
 * For development and demonstrations: the message counts as sent at once and is never sent anywhere.
 * Nothing about it is logged (the number and the text are personal data).
 */
export const developmentProvider: OutreachProvider = {
  id: 'development',
  deliversItself: true,
  send: async () => ({ providerMessageId: `dev-${crypto.randomUUID()}` }),
};
