import { DomainError, invalid, notFound, type FieldProblem } from '../../../errors/catalogue.ts';
import type { Ctx } from '../../../context.ts';
import { peopleById } from '../../../workspace/people.ts';
import { checkTemplate, type SafetyProblem } from '../safety-rules.ts';
import { OUTREACH_LANGUAGES } from '../safety-words.ts';
import { presentTemplate, type TemplateRow } from './present-template.ts';

export const TEMPLATE_NAME_MAX = 100;
export const TEMPLATE_BODY_MAX = 1000;

/** Name and language checks shared by create and edit (the body is judged by the safety rules). */
export function checkNameAndLanguage(input: { name?: string | undefined; language?: string | undefined }): { name?: string } {
  const out: { name?: string } = {};
  if (input.name !== undefined) {
    const name = input.name.trim();
    if (!name) throw invalid('body.name', 'Give the template a name, e.g. "First message, short".');
    if (name.length > TEMPLATE_NAME_MAX) throw invalid('body.name', `A name has at most ${TEMPLATE_NAME_MAX} characters.`);
    out.name = name;
  }
  if (input.language !== undefined && !(OUTREACH_LANGUAGES as readonly string[]).includes(input.language)) {
    throw invalid('body.language', `Choose one of: ${OUTREACH_LANGUAGES.join(', ')}.`);
  }
  return out;
}

/** Refuses a body that breaks a safety rule, with one problem per rule broken, at the body field. */
export function assertSafeBody(ctx: Ctx, language: string, body: string, field = 'body.body'): void {
  if (body.length > TEMPLATE_BODY_MAX) throw invalid(field, `A template has at most ${TEMPLATE_BODY_MAX} characters.`);
  const problems = checkTemplate({ language, body }, { chatLink: ctx.config.outreachChatLink });
  if (problems.length) throw unsafe(problems, field, 'VALIDATION_FAILED');
}

export function unsafe(problems: SafetyProblem[], field: string, code: 'VALIDATION_FAILED' | 'UNSAFE_MESSAGE' = 'UNSAFE_MESSAGE'): DomainError {
  const fieldProblems: FieldProblem[] = problems.map((p) => ({ field, problem: p.message }));
  return new DomainError(code, `The message breaks the safety rules: ${problems.map((p) => p.message).join(' ')}`, fieldProblems);
}

export async function loadTemplate(ctx: Ctx, id: string, forUpdate = false): Promise<TemplateRow> {
  let q = ctx.db.selectFrom('outreach_message_templates').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('No such message template.');
  return row;
}

export async function present(ctx: Ctx, row: TemplateRow) {
  return presentTemplate(ctx.actor, ctx.config, row, await peopleById(ctx.db, [row.created_by_user_id, row.approved_by_user_id]));
}
