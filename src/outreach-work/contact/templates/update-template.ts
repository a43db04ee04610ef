import { assertCan } from '../../../access/can.ts';
import { recordAudit } from '../../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../../context.ts';
import { conflict } from '../../../errors/catalogue.ts';
import { assertSafeBody, checkNameAndLanguage, loadTemplate, present } from './template-input.ts';

export type UpdateTemplateInput = { id: string; language?: string | undefined; name?: string | undefined; body?: string | undefined };

/**
 * Edits a draft. An approved template is never changed (messages were sent from it and it was approved
 * as it stands): write a new one. The edited body must pass the safety rules.
 */
export async function updateTemplate(ctx: Ctx, input: UpdateTemplateInput) {
  assertCan(ctx.actor, 'write', 'outreach-template');
  const { name } = checkNameAndLanguage(input);
  return inTransaction(ctx, async (tx) => {
    const row = await loadTemplate(tx, input.id, true);
    if (row.status === 'approved') throw conflict('An approved template cannot be changed; create a new template instead.');
    if (row.status === 'retired') throw conflict('A retired template cannot be changed; create a new template instead.');
    const language = input.language ?? row.language;
    const body = input.body ?? row.body;
    assertSafeBody(tx, language, body);
    const updated = await tx.db
      .updateTable('outreach_message_templates')
      .set({ language, body, name: name ?? row.name })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'outreach-template.update',
      resourceType: 'outreach-template',
      resourceId: row.id,
      purpose: 'outreach',
      details: { language, changed: [input.name !== undefined && 'name', input.body !== undefined && 'body', input.language !== undefined && 'language'].filter(Boolean) },
    });
    return present(tx, updated);
  });
}
