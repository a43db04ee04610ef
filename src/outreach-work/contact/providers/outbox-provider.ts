import crypto from 'node:crypto';
import type { OutreachProvider } from './provider.ts';

/**
 * The outbox: nothing leaves Baken. The message waits on the contact page until the outreach worker has
 * sent it by hand from the programme's phone and confirms that; the id only tells outbox entries apart.
 */
export const outboxProvider: OutreachProvider = {
  id: 'outbox',
  deliversItself: false,
  send: async () => ({ providerMessageId: `outbox-${crypto.randomUUID()}` }),
};
