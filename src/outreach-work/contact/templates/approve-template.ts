import { assertCan } from '../../../access/can.ts';
import { recordAudit } from '../../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../../context.ts';
import { conflict, DomainError } from '../../../errors/catalogue.ts';
import { checkTemplate } from '../safety-rules.ts';
import { loadTemplate, present, unsafe } from './template-input.ts';

/**
 * Four eyes: a second outreach worker (not the author) approves a draft after reading it; the safety
 * rules are checked again at that moment. Only approved templates can be sent.
 */
export async function approveTemplate(ctx: Ctx, input: { id: string }) {
  assertCan(ctx.actor, 'approve', 'outreach-template');
  return inTransaction(ctx, async (tx) => {
    const row = await loadTemplate(tx, input.id, true);
    if (row.status === 'approved') throw conflict('This template is already approved.');
    if (row.status === 'retired') throw conflict('A retired template cannot be approved; create a new template instead.');
    if (row.created_by_user_id === tx.actor.userId) {
      throw new DomainError('FORBIDDEN', 'You wrote this template, so a second outreach worker must approve it (four-eyes rule).');
    }
    const problems = checkTemplate({ language: row.language, body: row.body }, { chatLink: tx.config.outreachChatLink });
    if (problems.length) throw unsafe(problems, 'body');
    const updated = await tx.db
      .updateTable('outreach_message_templates')
      .set({ status: 'approved', approved_by_user_id: tx.actor.userId, approved_at: tx.clock.now() })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { action: 'outreach-template.approve', resourceType: 'outreach-template', resourceId: row.id, purpose: 'outreach', details: { language: row.language, authorUserId: row.created_by_user_id } });
    return present(tx, updated);
  });
}
