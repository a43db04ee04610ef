import type { JobHandlers, RecurringJob } from '../../jobs/job-types.ts';
import { SEND_JOB } from './create-contact.ts';
import { sendContactMessage } from './send-contact-message.ts';

function contactIdOf(payload: unknown): string {
  const id = (payload as { contactId?: unknown } | null)?.contactId;
  if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error('outreach.send: the payload needs a contactId (UUID)');
  return id;
}

/** Jobs of outreach contact: delivering queued messages through the configured provider. */
export const outreachContactJobHandlers: JobHandlers = {
  [SEND_JOB]: async (ctx, payload) => {
    await sendContactMessage(ctx, { contactId: contactIdOf(payload) });
  },
};

export const outreachContactRecurringJobs: readonly RecurringJob[] = [];
