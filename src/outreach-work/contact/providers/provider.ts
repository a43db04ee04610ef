/**
 * The seam through which first messages leave Baken. Two built in: the OUTBOX (the default: the message
 * waits until an outreach worker has sent it by hand from the programme's phone and confirms that) and
 * DEVELOPMENT (records the message as sent and never sends anything). A real SMS or messaging provider
 * is a third implementation of this interface, chosen by BAKEN_OUTREACH_PROVIDER.
 */
import type { OutreachChannel } from '../../../db/schema.ts';
import { developmentProvider } from './development-provider.ts';
import { outboxProvider } from './outbox-provider.ts';

export type OutgoingMessage = { contactId: string; channel: Exclude<OutreachChannel, 'call'>; to: string; sender: string; body: string };

export type OutreachProvider = {
  id: string;
  /** False for the outbox: a person sends the message, and confirms it (POST /api/outreach/contacts/:id/sent). */
  deliversItself: boolean;
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
};

/** Calls are made by a person and logged by hand: no message, no provider. */
export const CALL_PROVIDER_ID = 'manual';

const PROVIDERS: Record<string, OutreachProvider> = { [outboxProvider.id]: outboxProvider, [developmentProvider.id]: developmentProvider };

export function outreachProvider(id: string): OutreachProvider {
  const provider = PROVIDERS[id];
  if (!provider) throw new Error(`unknown outreach provider "${id}"`);
  return provider;
}
