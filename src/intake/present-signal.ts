import type { Selectable } from 'kysely';
import type { SignalsTable } from '../db/schema.ts';

/** What the person who submitted a signal sees of it afterwards: never what the registrar decided in detail. */
export function presentOwnSignal(row: Pick<Selectable<SignalsTable>, 'id' | 'number' | 'channel' | 'received_at' | 'status'>) {
  return { id: row.id, number: row.number, channel: row.channel, receivedAt: row.received_at.toISOString(), status: row.status };
}
