import crypto from 'node:crypto';
import { loadActor } from '../access/load-actor.ts';
import type { PersonInput } from '../cases/person.ts';
import type { Ctx } from '../context.ts';
import { recordIdentificationDecision } from '../identification/record-identification-decision.ts';
import { recordCaseMilestone } from '../identification/record-case-milestone.ts';
import { requestIdentificationReview } from '../identification/request-identification-review.ts';
import { requestIdentification } from '../identification/request-identification.ts';
import { decideSignal } from '../intake/decide-signal.ts';
import { submitSignal } from '../intake/submit-signal.ts';

const DAY = 86_400_000;

/**
 * Demo data for identification and milestones, through the real operations acting as the demo
 * users at moments in the past (so clocks run as they would have): an assessment waiting for the
 * committee, a negative advice with a reconsideration pending (its own clock running), a positive
 * advice, and a case whose reflection period is running. Every person is invented.
 */
export async function seedIdentification(ctx: Ctx, users: Map<string, string>, orgs: Map<string, string>): Promise<Record<string, number>> {
  const base = ctx.clock.now().getTime();
  const as = async (email: string, daysAgo: number): Promise<Ctx> => ({
    ...ctx,
    actor: (await loadActor(ctx.db, users.get(email)!))!,
    clock: { now: () => new Date(base - daysAgo * DAY) },
  });
  const on = (daysAgo: number) => new Date(base - daysAgo * DAY).toISOString().slice(0, 10);
  const police = 'first-responder@baken.example';
  const registrar = 'registrar@baken.example';
  const committee = 'identification-body@baken.example';
  const committeeOrg = orgs.get('identification')!;
  let procedures = 0;
  let milestones = 0;

  const registered = async (daysAgo: number, person: PersonInput & { name: string }, forms: string[], region: string, shelterConsent = false) => {
    const { signal } = await submitSignal(await as(police, daysAgo), {
      clientRequestId: crypto.randomUUID(), person, indicators: [], forms, region, acuteDanger: false, minorInvolved: false,
      description: 'Demo signal.', legalBasis: 'statutory-task',
    });
    const decided = await decideSignal(await as(registrar, daysAgo - 0.5), {
      id: signal.id,
      decision: 'register',
      registration: {
        person, forms, region, exploitationLocation: 'in-country', dossierType: 'registration-only',
        consents: [
          { purpose: 'registration', legalBasis: 'statutory-task', givenOn: on(daysAgo) },
          { purpose: 'statistics', legalBasis: 'statutory-task', givenOn: on(daysAgo) },
          ...(shelterConsent ? [{ purpose: 'shelter', legalBasis: 'consent' as const, givenOn: on(daysAgo) }] : []),
        ],
      },
    });
    return decided.decision!.caseId!;
  };
  const request = async (caseId: string, daysAgo: number) => {
    procedures++;
    return (await requestIdentification(await as(registrar, daysAgo), { caseId, stage: 'multidisciplinary-assessment', organisationId: committeeOrg })).id;
  };
  const milestone = async (caseId: string, event: string, daysAgo: number) => {
    milestones++;
    await recordCaseMilestone(await as(registrar, daysAgo), { caseId, event });
  };

  // Waiting for the committee's advice (its 20-working-day target runs).
  const waiting = await registered(12, { name: 'Amira Haddad', estimatedAge: 27, sex: 'female', citizenships: ['MA'], languages: ['ar', 'fr'] }, ['forced-labour'], 'den-haag');
  await request(waiting, 3);

  // Negative advice, then a reconsideration asked for within the window: its own clock runs.
  const reconsidered = await registered(50, { name: 'Oksana Kovalenko', estimatedAge: 34, sex: 'female', citizenships: ['UA'], languages: ['uk', 'ru'] }, ['sexual-exploitation'], 'amsterdam');
  const negative = await request(reconsidered, 45);
  await recordIdentificationDecision(await as(committee, 25), {
    procedureId: negative, outcome: 'no-indications', decidedOn: on(25),
    reasons: 'Demo: the committee found no control by third parties in the account given so far.',
  });
  await requestIdentificationReview(await as(registrar, 10), { procedureId: negative, review: 'reconsideration' });

  // A positive advice.
  const confirmed = await registered(70, { name: 'Blessing Eze', estimatedAge: 23, sex: 'female', citizenships: ['NG'], languages: ['en'] }, ['sexual-exploitation'], 'rotterdam', true);
  const positive = await request(confirmed, 60);
  await recordIdentificationDecision(await as(committee, 35), {
    procedureId: positive, outcome: 'indications-confirmed', decidedOn: on(35),
    reasons: 'Demo: debt bondage and threats against family consistent with the indicators.',
  });
  await milestone(confirmed, 'shelter-placed', 34);

  // A reflection period running (three months from 20 days ago), and a placement in the shelter.
  const reflecting = await registered(22, { name: 'Ion Popa', estimatedAge: 41, sex: 'male', citizenships: ['MD'], languages: ['ro', 'ru'] }, ['forced-labour'], 'zeeland-west-brabant', true);
  await milestone(reflecting, 'reflection-period-granted', 20);
  await milestone(reflecting, 'shelter-placed', 19);

  return { identificationProcedures: procedures, milestones };
}
