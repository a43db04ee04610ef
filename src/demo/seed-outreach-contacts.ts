/**
 * Demo: outreach work on the demo corpus (seed-outreach-ads.ts), made through the real operations:
 * approved first messages in eight languages (written by one outreach worker, approved by the other) and
 * one draft; contacts with the numbers of the highest-risk clusters over the last six weeks in every
 * state (waiting in the outbox, no answer, replied, conversation, declined, wants help, referred); an
 * opt-out; follow-up reminders; and a handover to the central information point.
 */
import { loadActor } from '../access/load-actor.ts';
import type { Ctx } from '../context.ts';
import type { OutreachChannel, OutreachOutcome } from '../db/schema.ts';
import { clusterPhones } from '../outreach-work/ad-store.ts';
import { confirmSent } from '../outreach-work/contact/confirm-sent.ts';
import { createContact } from '../outreach-work/contact/create-contact.ts';
import { recordOptOut } from '../outreach-work/contact/record-opt-out.ts';
import { recordOutcome } from '../outreach-work/contact/record-outcome.ts';
import { approveTemplate } from '../outreach-work/contact/templates/approve-template.ts';
import { createTemplate } from '../outreach-work/contact/templates/create-template.ts';
import { handOverContact } from '../outreach-work/handover/hand-over-contact.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Short, neutral first messages (one SMS once the chat link is filled in). */
export const DEMO_TEMPLATES: { language: string; name: string; body: string }[] = [
  { language: 'nl', name: 'Eerste bericht', body: 'Hoi, hoe gaat het met je? Als je een keer wilt praten, kan dat anoniem via {chatLink} Groetjes' },
  { language: 'en', name: 'First message', body: 'Hi, how are you doing? If you ever want to talk, you can chat with us anonymously: {chatLink} Take care' },
  { language: 'ro', name: 'Primul mesaj', body: 'Salut, ce mai faci? Daca vrei sa vorbim, poti scrie anonim aici: {chatLink} Numai bine' },
  { language: 'es', name: 'Primer mensaje', body: 'Hola, ¿qué tal estás? Si algún día quieres hablar, puedes escribirnos de forma anónima: {chatLink} Un saludo' },
  { language: 'hu', name: 'Első üzenet', body: 'Szia, hogy vagy? Ha szeretnél beszélgetni, névtelenül írhatsz itt: {chatLink} Minden jót' },
  { language: 'bg', name: 'Първо съобщение', body: 'Здравей, как си? Ако искаш да поговорим, можеш да пишеш анонимно тук: {chatLink} Поздрави' },
  { language: 'pl', name: 'Pierwsza wiadomość', body: 'Cześć, jak się masz? Jeśli chcesz porozmawiać, możesz napisać anonimowo tutaj: {chatLink} Pozdrawiam' },
  { language: 'th', name: 'ข้อความแรก', body: 'สวัสดีค่ะ สบายดีไหม ถ้าอยากคุยกัน ทักมาได้แบบไม่ระบุตัวตนที่ {chatLink} ดูแลตัวเองด้วยนะ' },
];

type Plan = { daysAgo: number; channel: OutreachChannel; outcomes: OutreachOutcome[]; sent?: boolean; followUpInDays?: number; optOut?: boolean; handover?: boolean };

/** One contact per plan line, on the numbers of the highest-risk clusters in order (the first is the top cluster). */
const PLANS: Plan[] = [
  { daysAgo: 1, channel: 'sms', outcomes: ['replied', 'conversation', 'wants-help'] },
  { daysAgo: 0, channel: 'sms', outcomes: [], sent: false },
  { daysAgo: 3, channel: 'messaging-app', outcomes: ['no-answer'], followUpInDays: 1 },
  { daysAgo: 9, channel: 'sms', outcomes: ['replied'], followUpInDays: 2 },
  { daysAgo: 16, channel: 'messaging-app', outcomes: ['replied', 'conversation'], followUpInDays: 3 },
  { daysAgo: 20, channel: 'sms', outcomes: ['declined'], optOut: true },
  { daysAgo: 24, channel: 'sms', outcomes: ['replied', 'conversation', 'wants-help'], handover: true },
  { daysAgo: 27, channel: 'call', outcomes: ['no-answer'] },
  { daysAgo: 31, channel: 'sms', outcomes: ['no-answer'] },
  { daysAgo: 34, channel: 'messaging-app', outcomes: ['replied', 'conversation', 'wants-help', 'referred'] },
  { daysAgo: 38, channel: 'sms', outcomes: ['declined'] },
  { daysAgo: 41, channel: 'sms', outcomes: ['no-answer'] },
];

export async function seedOutreachContacts(ctx: Ctx, users: Map<string, string>): Promise<{ outreachContacts: number; outreachTemplates: number }> {
  const now = ctx.clock.now().getTime();
  const as = async (email: string, at: number): Promise<Ctx> => ({
    ...ctx,
    actor: (await loadActor(ctx.db, users.get(email)!))!,
    clock: { now: () => new Date(at) },
  });
  const olga = 'outreach-worker@baken.example';
  const noor = 'outreach-colleague@baken.example';

  const templateIds = new Map<string, string>();
  for (const t of DEMO_TEMPLATES) {
    const created = await createTemplate(await as(olga, now - 60 * DAY), t);
    await approveTemplate(await as(noor, now - 59 * DAY), { id: created.id });
    templateIds.set(t.language, created.id);
  }
  await createTemplate(await as(olga, now - 2 * DAY), { language: 'nl', name: 'Tweede bericht (concept)', body: 'Hoi, ik stuurde je laatst een berichtje. Nog steeds welkom om te kletsen: {chatLink}' });

  // The numbers of the highest-risk clusters, one per cluster.
  const clusters = await ctx.db.selectFrom('outreach_clusters').select(['id', 'languages']).where('phones', '>', 0).orderBy('score', 'desc').orderBy('id').limit(40).execute();
  let made = 0;
  for (const cluster of clusters) {
    if (made === PLANS.length) break;
    const phone = (await clusterPhones(ctx.db, ctx.keyring, cluster.id))[0];
    if (!phone) continue;
    const plan = PLANS[made]!;
    const language = cluster.languages.find((l) => templateIds.has(l)) ?? 'en';
    const at = now - plan.daysAgo * DAY - 2 * HOUR;
    const worker = made % 3 === 2 ? noor : olga;
    const contact = await createContact(await as(worker, at), {
      clusterId: cluster.id,
      phoneToken: phone.token,
      channel: plan.channel,
      language,
      templateId: plan.channel === 'call' ? undefined : templateIds.get(language),
    });
    made++;
    if (plan.channel !== 'call' && plan.sent !== false) await confirmSent(await as(worker, at + 10 * 60_000), { id: contact.id });
    for (const [i, outcome] of plan.outcomes.entries()) {
      const last = i === plan.outcomes.length - 1;
      const when = at + (i + 1) * 5 * HOUR;
      const followUpAt = last && plan.followUpInDays !== undefined ? new Date(now + plan.followUpInDays * DAY - 3 * HOUR).toISOString() : undefined;
      await recordOutcome(await as(worker, when), { id: contact.id, outcome, followUpAt });
    }
    if (plan.optOut) await recordOptOut(await as(worker, at + 6 * HOUR), { id: contact.id, via: 'reply' });
    if (plan.handover) {
      await handOverContact(await as(worker, at + 20 * HOUR), {
        contactId: contact.id,
        consentConfirmed: true,
        person: { estimatedAge: 24, sex: 'female', citizenships: ['RO'], languages: [language], safeContactChannel: 'messaging-app', safetyNotes: 'Only write in the chat between 10:00 and 12:00.' },
        description: 'Wants to stop; says the man who placed her ads keeps her earnings and her passport. Agreed to be contacted by the central information point via the chat.',
        acuteDanger: false,
        minorInvolved: false,
      });
    }
  }
  return { outreachContacts: made, outreachTemplates: DEMO_TEMPLATES.length + 1 };
}
