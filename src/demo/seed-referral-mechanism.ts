import crypto from 'node:crypto';
import { loadActor } from '../access/load-actor.ts';
import type { PersonInput } from '../cases/person.ts';
import type { Ctx } from '../context.ts';
import { recordConsent } from '../consents/record-consent.ts';
import { withdrawConsent } from '../consents/withdraw-consent.ts';
import { decideSignal } from '../intake/decide-signal.ts';
import { issueChallenge, solveChallenge } from '../intake/proof-of-work.ts';
import type { ConsentInput, ProfessionalSignalInput, RegistrationInput } from '../intake/signal-input.ts';
import { submitPublicReport } from '../intake/submit-public-report.ts';
import { submitSignal } from '../intake/submit-signal.ts';
import { createReferral } from '../referrals/create-referral.ts';
import { respondToReferral } from '../referrals/respond-to-referral.ts';

const DAY = 86_400_000;

/**
 * The demo's referral-mechanism records, made through the real operations by the demo users (so
 * the audit trail looks like real work): open signals of every channel and urgency, decided signals
 * of every outcome, cases of every dossier type, consents (one withdrawn) and referrals in every
 * state. Every person is invented.
 */
export async function seedReferralMechanism(ctx: Ctx, users: Map<string, string>, orgs: Map<string, string>): Promise<{ signals: number; cases: number; referrals: number }> {
  const base = ctx.clock.now().getTime();
  const as = async (email: string, daysAgo: number): Promise<Ctx> => ({
    ...ctx,
    actor: (await loadActor(ctx.db, users.get(email)!))!,
    clock: { now: () => new Date(base - daysAgo * DAY) },
  });
  const on = (daysAgo: number) => new Date(base - daysAgo * DAY).toISOString().slice(0, 10);
  const police = 'first-responder@baken.example';
  const outreach = 'outreach-worker@baken.example';
  const registrar = 'registrar@baken.example';
  let signals = 0;
  let referrals = 0;

  const signal = async (who: string, daysAgo: number, person: PersonInput, extra: Partial<ProfessionalSignalInput>) => {
    signals++;
    const { signal: s } = await submitSignal(await as(who, daysAgo), {
      clientRequestId: crypto.randomUUID(),
      person,
      indicators: [],
      forms: [],
      acuteDanger: false,
      minorInvolved: false,
      description: 'Demo signal.',
      legalBasis: who === police ? 'statutory-task' : 'consent',
      consentConfirmed: who === police ? undefined : true,
      ...extra,
    });
    return s.id;
  };
  const statutory = (daysAgo: number, more: ConsentInput[] = []): ConsentInput[] => [
    { purpose: 'registration', legalBasis: 'statutory-task', givenOn: on(daysAgo) },
    { purpose: 'statistics', legalBasis: 'statutory-task', givenOn: on(daysAgo) },
    ...more,
  ];
  const register = async (signalId: string, daysAgo: number, registration: RegistrationInput) => {
    const decided = await decideSignal(await as(registrar, daysAgo), { id: signalId, decision: 'register', registration });
    return decided.decision!.caseId!;
  };
  const refer = async (caseId: string, type: string, org: string, daysAgo: number, extra: { overrideConsent?: { reason: string } } = {}) => {
    referrals++;
    return (await createReferral(await as(registrar, daysAgo), { caseId, type, organisationId: orgs.get(org)!, ...extra })).id;
  };

  // Open signals: acute danger, a minor, an outreach handover by consent, public self-report and tip.
  await signal(police, 0.2, { name: 'Elena Dumitru', estimatedAge: 24, sex: 'female', citizenships: ['RO'], languages: ['ro'] }, {
    acuteDanger: true, indicators: ['threats', 'violence', 'documents-withheld', 'movement-restricted'], forms: ['sexual-exploitation'], sector: 'prostitution-unlicensed', region: 'rotterdam', place: 'Rotterdam',
    description: 'Found during a check at a hotel; says the man downstairs holds her passport and will hurt her family.',
  });
  await signal(police, 1, { estimatedAge: 16, presumedMinor: true, sex: 'male', citizenships: ['XX'], languages: ['ar'], interpreterNeeded: true }, {
    minorInvolved: true, indicators: ['forced-drug-work', 'child-in-criminal-network', 'presumed-minor'], forms: ['criminal-exploitation'], sector: 'drug-crime', region: 'amsterdam',
    description: 'Boy caught carrying drugs; seems to be controlled by older men who pay for his room.',
  });
  await signal(outreach, 2, { name: 'Lina', estimatedAge: 22, sex: 'female', citizenships: ['CO'], languages: ['es'], safeContactChannel: 'messaging-app', safetyNotes: 'Only message between 10 and 12; phone is checked in the evening.' }, {
    forms: ['sexual-exploitation'], sector: 'online-sexual-services', region: 'den-haag',
    description: 'Contact after an online ad; wants help leaving, agreed that we pass her details to the information point.',
  });
  const demoPublic = async (kind: 'self-report' | 'tip', language: string, message: string, about?: { age?: number; place?: string; work?: string }) => {
    signals++;
    const { challenge, difficulty } = issueChallenge(ctx);
    await submitPublicReport({ ...ctx, clock: { now: () => new Date(base - 3 * DAY) } }, {
      kind, language, message, about, website: '', challenge, nonce: solveChallenge(challenge, difficulty),
    });
  };
  await demoPublic('tip', 'nl', 'In het nagelsalon aan de markt slapen de meisjes achter in de zaak en mogen ze nooit alleen naar buiten.', { place: 'Tilburg', work: 'Nagelsalon' });
  await demoPublic('self-report', 'en', 'I work on a farm and the boss keeps my wages for the debt of my travel. I cannot leave.', { age: 31, place: 'Westland', work: 'Greenhouse' });

  // Decided signals: information and advice, no indication, and one merged into a case below.
  const advice = await signal(police, 20, { name: 'Tomasz Nowak', sex: 'male', citizenships: ['PL'] }, { forms: ['forced-labour'], sector: 'construction', region: 'oost-brabant' });
  await decideSignal(await as(registrar, 19), { id: advice, decision: 'advice-only', reason: 'Labour dispute about unpaid wages; referred to the labour union and FairWork for advice.' });
  const none = await signal(outreach, 15, { estimatedAge: 35, sex: 'female' }, { description: 'Ad with unusual wording.' });
  await decideSignal(await as(registrar, 14), { id: none, decision: 'no-indication', reason: 'Independent sex worker, no signs of coercion after a conversation.' });

  // Cases of every dossier type, with consents and referrals in every state.
  const c1 = await register(await signal(police, 60, { name: 'Grace Okafor', dateOfBirth: '1998-07-03', sex: 'female', citizenships: ['NG'], languages: ['en'] }, { forms: ['sexual-exploitation'], region: 'noord-holland' }), 59, {
    person: { name: 'Grace Okafor', aliases: ['Blessing'], dateOfBirth: '1998-07-03', sex: 'female', citizenships: ['NG'], languages: ['en'], safeContactChannel: 'via-organisation', safetyNotes: 'Never call her own phone.' },
    forms: ['sexual-exploitation'], sector: 'prostitution-unlicensed', exploitationLocation: 'both', place: 'Amsterdam', periodFrom: '2025-05-01', periodTo: on(62),
    investigation: { policeReportFiled: true, cooperating: true, suspectsCount: 3, notes: 'Madam in Lagos, two helpers in Amsterdam.' },
    region: 'noord-holland', dossierType: 'registration-shelter', consents: statutory(59, [{ purpose: 'shelter', legalBasis: 'consent', givenOn: on(59) }]),
  });
  const accepted = await refer(c1, 'shelter', 'shelter', 58);
  await respondToReferral(await as('service-provider@baken.example', 57), { id: accepted, action: 'accept', note: 'Room available from today.' });
  await recordConsent(await as(registrar, 50), { caseId: c1, purpose: 'referral-to-organisation', legalBasis: 'consent', givenOn: on(50) });
  await refer(c1, 'medical', 'health', 50);
  const declined = await refer(c1, 'legal-aid', 'legal', 45);
  await respondToReferral(await as('legal-aid@baken.example', 44), { id: declined, action: 'decline', reason: 'No capacity this month; please refer to the duty lawyer.' });

  const c2 = await register(await signal(police, 40, { name: 'Nguyen Van An', sex: 'male', citizenships: ['VN'], languages: ['vi'], interpreterNeeded: true, estimatedAge: 19 }, { forms: ['forced-labour'], region: 'zeeland-west-brabant' }), 39, {
    person: { name: 'Nguyen Van An', sex: 'male', citizenships: ['VN'], languages: ['vi'], interpreterNeeded: true, estimatedAge: 19 },
    forms: ['forced-labour'], sector: 'beauty-nail-salons', exploitationLocation: 'in-country', place: 'Breda',
    region: 'zeeland-west-brabant', dossierType: 'registration-only', consents: statutory(39),
  });
  await recordConsent(await as(registrar, 30), { caseId: c2, purpose: 'referral-to-organisation', legalBasis: 'consent', givenOn: on(30) });
  await refer(c2, 'legal-aid', 'legal', 2);

  const c3 = await register(await signal(police, 30, { estimatedAge: 15, sex: 'female', citizenships: ['NL'], languages: ['nl'] }, { minorInvolved: true, forms: ['sexual-exploitation'], region: 'midden-nederland' }), 29, {
    person: { name: 'Sanne (roepnaam)', estimatedAge: 15, sex: 'female', citizenships: ['NL'], languages: ['nl'] },
    forms: ['sexual-exploitation'], sector: 'online-sexual-services', exploitationLocation: 'in-country', place: 'Utrecht',
    region: 'midden-nederland', dossierType: 'registration-information-advice', consents: statutory(29, [{ purpose: 'shelter', legalBasis: 'consent', givenOn: on(29) }]),
  });
  await refer(c3, 'shelter', 'shelter', 28);
  const shelterConsent = (await (await as(registrar, 27)).db.selectFrom('consents').select('id').where('case_id', '=', c3).where('purpose', '=', 'shelter').executeTakeFirstOrThrow()).id;
  await withdrawConsent(await as(registrar, 27), { id: shelterConsent, reason: 'Her guardian and she chose youth care close to home instead.' });
  await refer(c3, 'guardian', 'guardian', 26, { overrideConsent: { reason: 'Minor without a parent present: guardian referral in her best interests.' } });

  const merged = await signal(police, 10, { name: 'Grace Okafor', dateOfBirth: '1998-07-03', sex: 'female' }, { forms: ['sexual-exploitation'], region: 'amsterdam', description: 'Seen again near the old address.' });
  await decideSignal(await as(registrar, 9), { id: merged, decision: 'merge', caseId: c1, reason: 'Same person as the registered case.' });

  // A completed referral: care coordination accepted and finished.
  await recordConsent(await as(registrar, 20), { caseId: c2, purpose: 'shelter', legalBasis: 'consent', givenOn: on(20) });
  const care = await refer(c2, 'care-coordination', 'care', 20);
  await respondToReferral(await as('care-coordinator@baken.example', 19), { id: care, action: 'accept' });
  await respondToReferral(await as('care-coordinator@baken.example', 5), { id: care, action: 'complete', note: 'Support plan handed over to the municipality.' });
  return { signals, cases: 3, referrals };
}
