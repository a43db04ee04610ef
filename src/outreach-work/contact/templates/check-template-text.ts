import { assertCan } from '../../../access/can.ts';
import type { Ctx } from '../../../context.ts';
import { checkTemplate, messageLength, renderMessage, SMS_LIMIT } from '../safety-rules.ts';
import { smsParts } from '../sms-parts.ts';

/** Live feedback while a template is written: every safety problem, the message as it would be sent, and how many SMS it takes. */
export function checkTemplateText(ctx: Ctx, input: { language: string; body: string }) {
  assertCan(ctx.actor, 'write', 'outreach-template');
  const preview = renderMessage(input.body, ctx.config.outreachChatLink);
  return { problems: checkTemplate(input, { chatLink: ctx.config.outreachChatLink }), preview, length: messageLength(preview), limit: SMS_LIMIT, sms: smsParts(preview) };
}
