import type { Selectable } from 'kysely';
import type { Actor } from '../../../access/actor.ts';
import { can } from '../../../access/can.ts';
import type { Config } from '../../../config.ts';
import type { OutreachMessageTemplatesTable } from '../../../db/schema.ts';
import type { Person } from '../../../workspace/people.ts';
import { checkTemplate, messageLength, renderMessage } from '../safety-rules.ts';

export type TemplateRow = Selectable<OutreachMessageTemplatesTable>;

/**
 * A template with its safety problems checked NOW (word lists and the chat link may have changed since
 * it was saved), the exact message it makes, and whether the viewer may approve it (never the author).
 */
export function presentTemplate(viewer: Actor, config: Config, row: TemplateRow, people: Map<string, Person>) {
  const problems = checkTemplate({ language: row.language, body: row.body }, { chatLink: config.outreachChatLink });
  const preview = renderMessage(row.body, config.outreachChatLink);
  const mine = row.created_by_user_id !== null && row.created_by_user_id === viewer.userId;
  return {
    id: row.id,
    language: row.language,
    name: row.name,
    body: row.body,
    status: row.status,
    problems,
    preview,
    length: messageLength(preview),
    createdByName: row.created_by_user_id ? (people.get(row.created_by_user_id)?.name ?? null) : null,
    mine,
    approvedByName: row.approved_by_user_id ? (people.get(row.approved_by_user_id)?.name ?? null) : null,
    createdAt: row.created_at.toISOString(),
    approvedAt: row.approved_at?.toISOString() ?? null,
    retiredAt: row.retired_at?.toISOString() ?? null,
    mayApprove: row.status === 'draft' && !mine && problems.length === 0 && can(viewer, 'approve', 'outreach-template'),
  };
}
export type PresentedTemplate = ReturnType<typeof presentTemplate>;
