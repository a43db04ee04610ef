import crypto from 'node:crypto';
import { recordAudit } from '../audit/record-audit.ts';
import { sealText } from '../cases/person.ts';
import { inTransaction, type Ctx } from '../context.ts';
import { notFound } from '../errors/catalogue.ts';
import { redeemChallenge } from './proof-of-work.ts';
import { hashReferenceCode } from './signal-numbers.ts';
import { refuseHoneypot } from './submit-public-report.ts';

export type PublicFollowUpInput = { referenceCode: string; message: string; website: string; challenge: string; nonce: string };

/**
 * More information from a public reporter, found by their reference code. The answer only says it
 * was received: it never shows what was reported before or what happened to it (the phone may be
 * read by someone else).
 */
export async function addPublicFollowUp(ctx: Ctx, input: PublicFollowUpInput) {
  refuseHoneypot(input.website);
  // Redeemed on its own (committed) so that a solved challenge buys exactly one attempt, even a failed one.
  await redeemChallenge(ctx, input.challenge, input.nonce);
  return inTransaction(ctx, async (tx) => {
    const signal = await tx.db.selectFrom('signals').select('id').where('reference_code_hash', '=', hashReferenceCode(input.referenceCode)).executeTakeFirst();
    if (!signal) throw notFound('This code is not recognised. Check it and try again.');
    const now = tx.clock.now();
    const id = crypto.randomUUID();
    await tx.db
      .insertInto('signal_additions')
      .values({ id, signal_id: signal.id, received_at: now, text_enc: sealText(tx.keyring, 'signal_additions', 'text_enc', id, input.message)! })
      .execute();
    await recordAudit(tx, { action: 'signal.follow-up', resourceType: 'signal', resourceId: signal.id, purpose: 'signal' });
    return { receivedAt: now.toISOString() };
  });
}
