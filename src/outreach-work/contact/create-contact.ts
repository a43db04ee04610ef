import crypto from 'node:crypto';
import { assertCan } from '../../access/can.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import type { OutreachChannel } from '../../db/schema.ts';
import { DomainError, invalid, notFound } from '../../errors/catalogue.ts';
import { enqueueJob } from '../../jobs/enqueue-job.ts';
import { clusterPhones } from '../ad-store.ts';
import { loadContact } from './contact-access.ts';
import { MESSAGE, PHONE, seal } from './contact-crypto.ts';
import { addContactEvent } from './contact-events.ts';
import { isOptedOut, lockPhone } from './opt-out-register.ts';
import { presentContactDetail } from './present-contact.ts';
import { CALL_PROVIDER_ID } from './providers/provider.ts';
import { checkSender, checkTemplate, renderMessage } from './safety-rules.ts';
import { LANGUAGE_NAMES, OUTREACH_LANGUAGES, type OutreachLanguage } from './safety-words.ts';
import { unsafe } from './templates/template-input.ts';

export const SEND_JOB = 'outreach.send';

export type CreateContactInput = { clusterId: string; phoneToken: string; channel: OutreachChannel; language: string; templateId?: string | undefined };

function checkInput(input: CreateContactInput): void {
  if (!(OUTREACH_LANGUAGES as readonly string[]).includes(input.language)) throw invalid('body.language', `Choose one of: ${OUTREACH_LANGUAGES.join(', ')}.`);
  if (input.channel === 'call' && input.templateId) throw invalid('body.templateId', 'A call has no message; leave the template out.');
  if (input.channel !== 'call' && !input.templateId) throw invalid('body.templateId', 'Choose an approved template for the message.');
}

/** The approved template the message is made from, checked against the safety rules once more. */
async function messageFrom(tx: Ctx, templateId: string, language: OutreachLanguage): Promise<string> {
  const template = await tx.db.selectFrom('outreach_message_templates').selectAll().where('id', '=', templateId).executeTakeFirst();
  if (!template) throw invalid('body.templateId', 'No such template.');
  if (template.status !== 'approved') throw invalid('body.templateId', 'This template is not approved; only templates approved by a second outreach worker can be sent.');
  if (template.language !== language) {
    throw invalid('body.templateId', `This template is in ${LANGUAGE_NAMES[template.language as OutreachLanguage] ?? template.language}; the contact is in ${LANGUAGE_NAMES[language]}.`);
  }
  const problems = checkTemplate({ language: template.language, body: template.body }, { chatLink: tx.config.outreachChatLink });
  if (problems.length) throw unsafe(problems, 'body.templateId');
  const senderProblems = checkSender(tx.config.outreachSender);
  if (senderProblems.length) throw unsafe(senderProblems, 'sender');
  return renderMessage(template.body, tx.config.outreachChatLink);
}

/**
 * A contact with one number of a cluster: a first message (queued for the provider) or a call logged by
 * hand. The opt-out register is checked FIRST: an opted-out number is refused (409 OPTED_OUT) whatever
 * the cluster, and nothing but the audit entry of the refusal is stored.
 */
export async function createContact(ctx: Ctx, input: CreateContactInput) {
  assertCan(ctx.actor, 'create', 'outreach-contact');
  checkInput(input);
  const language = input.language as OutreachLanguage;
  const created = await inTransaction(ctx, async (tx) => {
    await lockPhone(tx.db, input.phoneToken);
    if (await isOptedOut(tx.db, input.phoneToken)) {
      await recordAudit(tx, {
        action: 'outreach-contact.create',
        resourceType: 'outreach-contact',
        purpose: 'outreach',
        outcome: 'denied',
        details: { reason: 'opted-out', clusterId: input.clusterId, channel: input.channel },
      });
      return null;
    }
    const cluster = await tx.db.selectFrom('outreach_clusters').select('id').where('id', '=', input.clusterId).executeTakeFirst();
    if (!cluster) throw notFound('No such cluster.');
    const phone = (await clusterPhones(tx.db, tx.keyring, cluster.id)).find((p) => p.token === input.phoneToken);
    if (!phone) throw notFound('This number is not one of the cluster\u2019s numbers.');
    const message = input.templateId ? await messageFrom(tx, input.templateId, language) : null;
    const id = crypto.randomUUID();
    const isCall = input.channel === 'call';
    await tx.db
      .insertInto('outreach_contacts')
      .values({
        id,
        cluster_id: cluster.id,
        phone_enc: seal(tx.keyring, PHONE, id, phone.e164),
        phone_token: phone.token,
        phone_hint: phone.hint,
        channel: input.channel,
        language,
        template_id: input.templateId ?? null,
        message_enc: message === null ? null : seal(tx.keyring, MESSAGE, id, message),
        provider: isCall ? CALL_PROVIDER_ID : tx.config.outreachProvider,
        delivery: isCall ? 'logged' : 'queued',
        created_by_user_id: tx.actor.userId,
        created_at: tx.clock.now(),
        sent_at: isCall ? tx.clock.now() : null,
      })
      .execute();
    await addContactEvent(tx, id, 'created');
    if (!isCall) await enqueueJob(tx.db, { type: SEND_JOB, payload: { contactId: id }, uniqueKey: `${SEND_JOB}:${id}` }, tx.clock);
    await recordAudit(tx, {
      action: 'outreach-contact.create',
      resourceType: 'outreach-contact',
      resourceId: id,
      purpose: 'outreach',
      details: { clusterId: cluster.id, channel: input.channel, language, templateId: input.templateId ?? null },
    });
    return presentContactDetail(tx, await loadContact(tx, id, 'create'));
  });
  if (created === null) throw new DomainError('OPTED_OUT');
  return created;
}
