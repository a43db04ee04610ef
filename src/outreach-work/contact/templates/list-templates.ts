import { assertCan } from '../../../access/can.ts';
import type { Ctx } from '../../../context.ts';
import type { OutreachTemplateStatus } from '../../../db/schema.ts';
import { peopleById } from '../../../workspace/people.ts';
import { presentTemplate } from './present-template.ts';

/** Message templates by language and status (approved first, then drafts, then retired). No personal data. */
export async function listTemplates(ctx: Ctx, input: { language?: string | undefined; status?: OutreachTemplateStatus | undefined }) {
  assertCan(ctx.actor, 'list', 'outreach-template');
  let q = ctx.db.selectFrom('outreach_message_templates').selectAll();
  if (input.language) q = q.where('language', '=', input.language);
  if (input.status) q = q.where('status', '=', input.status);
  const rows = await q.orderBy('language').orderBy('status').orderBy('created_at', 'desc').limit(1000).execute();
  const people = await peopleById(ctx.db, rows.flatMap((r) => [r.created_by_user_id, r.approved_by_user_id]));
  return { items: rows.map((r) => presentTemplate(ctx.actor, ctx.config, r, people)) };
}
