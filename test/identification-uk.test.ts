import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceClocks } from '../src/clocks/advance-clocks.ts';
import { prerequisitesOf, reviewDecidedEvent } from '../src/identification/identification-rules.ts';
import { milestoneEvents } from '../src/identification/milestone-events.ts';
import { whyNotRequestable, type DecisionRow, type ProcedureRow } from '../src/identification/procedure-query.ts';
import { getProfile } from '../src/profiles/load-profile.ts';
import { clockHelpers } from './helpers/clocks.ts';
import { nrm } from './helpers/nrm.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

const uk = getProfile('uk', '2026.1.0');
const nl = getProfile('nl', '2026.1.0');

describe('stage rules from the profiles', () => {
  const [rg, cg] = uk.identificationStages;
  const procedure = (stage: string, status: ProcedureRow['status'], id = stage): ProcedureRow => ({
    id, case_id: 'c', stage_code: stage, decision_body: 'single-competent-authority', body_organisation_id: null, status, requested_at: new Date('2026-03-02T09:00:00Z'), requested_by_user_id: null, closed_at: null,
  });
  const decided = (procedureId: string, outcome: string, kind: DecisionRow['kind'] = 'decision'): DecisionRow => ({
    id: `${procedureId}-${outcome}-${kind}`, procedure_id: procedureId, case_id: 'c', kind, review_code: kind === 'review' ? 'reconsideration' : null, reviews_decision_id: null,
    status: 'decided', outcome_code: outcome, decision_body: 'single-competent-authority', decided_on: '2026-03-03', requested_at: null, recorded_at: new Date('2026-03-03T09:00:00Z'),
    recorded_by_user_id: null, reasons_enc: null, document_ids: [],
  });

  it('conclusive grounds only after a positive reasonable-grounds outcome (also one reached on reconsideration)', () => {
    expect(prerequisitesOf(uk, cg!).map((p) => [p.stage.code, p.outcomes.map((o) => o.code)])).toEqual([['reasonable-grounds', ['positive']]]);
    expect(whyNotRequestable(uk, rg!, [], [])).toBeNull();
    expect(whyNotRequestable(uk, cg!, [], [])).toContain('only after');
    expect(whyNotRequestable(uk, rg!, [procedure('reasonable-grounds', 'open')], [])).toContain('already open');
    expect(whyNotRequestable(uk, cg!, [procedure('reasonable-grounds', 'decided')], [decided('reasonable-grounds', 'negative')])).toContain('only after');
    expect(whyNotRequestable(uk, cg!, [procedure('reasonable-grounds', 'decided')], [decided('reasonable-grounds', 'positive')])).toBeNull();
    expect(
      whyNotRequestable(uk, cg!, [procedure('reasonable-grounds', 'decided')], [decided('reasonable-grounds', 'negative'), decided('reasonable-grounds', 'positive', 'review')]),
    ).toBeNull();
    expect(whyNotRequestable(nl, nl.identificationStages[0]!, [], [])).toBeNull();
  });

  it('derives the review decided events and the milestone list from the profile', () => {
    expect(reviewDecidedEvent(nl, nl.identificationStages[0]!.reviews[0]!)).toBe('reconsideration-decided');
    expect(reviewDecidedEvent(uk, rg!.reviews[0]!)).toBe('rg-reconsideration-decided');
    expect(reviewDecidedEvent(uk, cg!.reviews[0]!)).toBe('cg-reconsideration-decided');
    expect(milestoneEvents(nl).map((e) => e.code)).toEqual([
      'shelter-placed', 'care-coordinator-assigned', 'reflection-period-granted', 'reflection-period-granted-dublin', 'reflection-period-ended',
      'police-report-filed', 'residence-permit-applied', 'residence-decision-recorded', 'contact-lost', 'contact-restored', 'case-reviewed',
    ]);
    expect(milestoneEvents(uk).map((e) => e.code)).toEqual(['duty-to-notify-submitted', 'shelter-placed', 'police-report-filed', 'contact-lost', 'contact-restored', 'case-reviewed']);
  });
});

describe('identification on the UK profile (two stages)', () => {
  let database: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    t = await createTestApp(database, { BAKEN_PROFILE: 'uk' });
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });

  it('reasonable grounds, then conclusive grounds after the recovery period', async () => {
    const api = nrm(t);
    const h = clockHelpers(t);
    const police = await t.makeUser({ role: 'first-responder', org: 'Metropolitan Police', orgType: 'police' });
    const registrar = await t.makeUser({ role: 'registrar', org: 'NRM administration', orgType: 'registrar' });
    const sca = await t.makeUser({ role: 'identification-body-member', org: 'Single Competent Authority', orgType: 'identification-body' });
    let start = '2026-03-02T10:00:00Z';
    const p = await h.signInAt(police.email, start);
    const r = await h.signInAt(registrar.email, start);
    const b = await h.signInAt(sca.email, start);
    const signal = await api.call(p, 'POST', '/api/signals', api.signalBody({ region: 'england', legalBasis: 'consent', consentConfirmed: true }));
    expect(signal.statusCode, signal.body).toBe(201);
    const decision = await api.call(r, 'POST', `/api/signals/${signal.json().id}/decision`, api.registration({
      // First counted anonymously (duty to notify); she consents to the NRM referral later.
      region: 'england', dossierType: 'duty-to-notify', investigation: undefined,
      consents: [{ purpose: 'duty-to-notify', legalBasis: 'statutory-task', givenOn: '2026-03-01' }],
    }));
    expect(decision.statusCode, decision.body).toBe(200);
    const caseId = decision.json().decision.caseId as string;
    expect((await api.call(r, 'GET', `/api/cases/${caseId}`)).json().profile.id).toBe('uk');

    // The NRM referral needs the adult's consent before it is recorded.
    const noConsent = await api.call(r, 'POST', `/api/cases/${caseId}/identification`, { stage: 'reasonable-grounds' });
    expect(noConsent.statusCode).toBe(409);
    expect(noConsent.json().error.code).toBe('CONSENT_REQUIRED');
    expect((await api.call(r, 'POST', `/api/cases/${caseId}/consents`, { purpose: 'nrm-referral', legalBasis: 'consent', givenOn: '2026-03-02' })).statusCode).toBe(201);

    const early = await api.call(r, 'POST', `/api/cases/${caseId}/identification`, { stage: 'conclusive-grounds' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('only after this decision: Reasonable grounds: Positive');

    const rg = await api.call(r, 'POST', `/api/cases/${caseId}/identification`, { stage: 'reasonable-grounds' });
    expect(rg.statusCode, rg.body).toBe(201);
    expect(rg.json()).toMatchObject({ bodyOrganisationName: 'Single Competent Authority', clock: { code: 'reasonable-grounds-target' } });
    const rgDecision = await api.call(b, 'POST', `/api/identification/procedures/${rg.json().id}/decision`, { outcome: 'positive', decidedOn: '2026-03-02', reasons: 'Credible account.' });
    expect(rgDecision.statusCode, rgDecision.body).toBe(200);
    const recovery = (await h.clocksOf({ caseId })).filter((c) => c.code === 'recovery-period');
    expect(recovery.map((c) => c.state)).toEqual(['running']);

    const cg = await api.call(r, 'POST', `/api/cases/${caseId}/identification`, { stage: 'conclusive-grounds' });
    expect(cg.statusCode, cg.body).toBe(201);
    // The positive reasonable-grounds event already started the stage: not recorded twice, so the recovery period is not restarted.
    expect((await h.clocksOf({ caseId })).filter((c) => c.code === 'recovery-period')).toHaveLength(1);
    const events = (await database.db.selectFrom('case_events').select('event').where('case_id', '=', caseId).execute()).map((e) => e.event);
    expect(events.filter((e) => e === 'reasonable-grounds-positive')).toHaveLength(1);

    const tooEarly = await api.call(b, 'POST', `/api/identification/procedures/${cg.json().id}/decision`, { outcome: 'positive', decidedOn: '2026-03-02', reasons: 'Confirmed.' });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().error.message).toContain('may not be decided before it ends');

    start = '2026-04-06T10:00:00Z';
    t.clock.set(start);
    await advanceClocks({ ...t.ctx, clock: t.clock });
    const b2 = await h.signInAt(sca.email, start);
    const r2 = await h.signInAt(registrar.email, start);
    const cgDecision = await api.call(b2, 'POST', `/api/identification/procedures/${cg.json().id}/decision`, { outcome: 'positive', decidedOn: '2026-04-06', reasons: 'Confirmed after recovery period.' });
    expect(cgDecision.statusCode, cgDecision.body).toBe(200);
    const listed = (await api.call(r2, 'GET', `/api/cases/${caseId}/identification`)).json();
    expect(listed.status.map((s: { stage: string; outcome: string; htcdsStatus: string }) => [s.stage, s.outcome, s.htcdsStatus])).toEqual([
      ['reasonable-grounds', 'positive', 'PossibleVictimOfTrafficking'],
      ['conclusive-grounds', 'positive', 'ActualVictimOfTrafficking'],
    ]);
    expect(listed.status.every((s: { binding: boolean }) => s.binding)).toBe(true);
  });
});
