import { assertCan } from '../../../access/can.ts';
import { recordAudit } from '../../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../../context.ts';
import { assertSafeBody, checkNameAndLanguage, present } from './template-input.ts';

export type CreateTemplateInput = { language: string; name: string; body: string };

/**
 * A new draft template. A body that breaks a safety rule is refused (nothing stored), so every saved
 * template is one a second outreach worker can approve as it stands.
 */
export async function createTemplate(ctx: Ctx, input: CreateTemplateInput) {
  assertCan(ctx.actor, 'write', 'outreach-template');
  const { name } = checkNameAndLanguage(input);
  assertSafeBody(ctx, input.language, input.body);
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .insertInto('outreach_message_templates')
      .values({ language: input.language, name: name!, body: input.body, status: 'draft', created_by_user_id: tx.actor.userId, created_at: tx.clock.now() })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { action: 'outreach-template.create', resourceType: 'outreach-template', resourceId: row.id, purpose: 'outreach', details: { language: row.language } });
    return present(tx, row);
  });
}
