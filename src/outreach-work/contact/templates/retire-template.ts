import { assertCan } from '../../../access/can.ts';
import { recordAudit } from '../../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../../context.ts';
import { conflict } from '../../../errors/catalogue.ts';
import { loadTemplate, present } from './template-input.ts';

/** Takes a template out of use for good (contacts made with it keep pointing at it). */
export async function retireTemplate(ctx: Ctx, input: { id: string }) {
  assertCan(ctx.actor, 'write', 'outreach-template');
  return inTransaction(ctx, async (tx) => {
    const row = await loadTemplate(tx, input.id, true);
    if (row.status === 'retired') throw conflict('This template is already retired.');
    const updated = await tx.db
      .updateTable('outreach_message_templates')
      .set({ status: 'retired', retired_at: tx.clock.now() })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { action: 'outreach-template.retire', resourceType: 'outreach-template', resourceId: row.id, purpose: 'outreach', details: { language: row.language, was: row.status } });
    return present(tx, updated);
  });
}
