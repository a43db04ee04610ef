import { sql } from 'kysely';
import type { Ctx } from '../context.ts';
import { listProfiles } from '../profiles/load-profile.ts';
import {
  CASE_RECORD_TYPES,
  SUPPORTED,
  dueRecordTypes,
  profileKey,
  profileOf,
  rulesOf,
  type CaseRecordType,
  type RecordType,
  type RetentionAction,
  type SkippedRule,
} from './retention-rules.ts';

export type PlannedAction = { recordType: RecordType; action: RetentionAction; count: number };
/** One case or signal with what retention would do to it; each is applied in its own transaction. */
export type Target = { kind: 'case' | 'signal'; id: string; reference: string; actions: PlannedAction[] };
export type Plan = { targets: Target[]; skippedRules: SkippedRule[] };

const CHUNK = 500;
const chunks = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * What a retention run at `now` would do, read-only. The dry run reports exactly this; the real
 * run applies it target by target, planning each target again under its row lock (so a case
 * reopened meanwhile is left alone and two runs never do the same work twice).
 */
export async function planRetention(ctx: Ctx, now: Date, only?: { caseIds?: string[]; signalIds?: string[] }): Promise<Plan> {
  const skipped = new Map<string, SkippedRule>();
  const signals = only?.caseIds && !only.signalIds ? [] : await planSignals(ctx, now, only?.signalIds, skipped);
  const cases = only?.signalIds && !only.caseIds ? [] : await planCases(ctx, now, only?.caseIds, skipped);
  return { targets: [...signals, ...cases], skippedRules: [...skipped.values()] };
}

function noteSkipped(skipped: Map<string, SkippedRule>, rules: SkippedRule[]) {
  for (const r of rules) skipped.set(`${r.profile}/${r.recordType}/${r.action}`, r);
}

async function planSignals(ctx: Ctx, now: Date, ids: string[] | undefined, skipped: Map<string, SkippedRule>): Promise<Target[]> {
  const startEvents = [...new Set(listProfiles().flatMap((p) => rulesOf(p).supported.filter((r) => r.recordType === 'signal').map((r) => r.startsOn)))];
  if (startEvents.length === 0) return [];
  let q = ctx.db
    .selectFrom('signals as s')
    .innerJoin('case_events as e', 'e.signal_id', 's.id')
    .select(['s.id', 's.number', 's.profile_id', 's.profile_version', 'e.event', (eb) => eb.fn.max('e.at').as('at')])
    .where('s.case_id', 'is', null)
    .where('e.event', 'in', startEvents)
    // A signal some case came from is part of that case's record, never deleted on its own.
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('cases as c').select('c.id').whereRef('c.source_signal_id', '=', 's.id'))))
    .groupBy(['s.id', 's.number', 's.profile_id', 's.profile_version', 'e.event']);
  if (ids) q = q.where('s.id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
  const rows = await q.execute();
  const bySignal = new Map<string, { number: string; profile_id: string; profile_version: string; starts: Map<string, Date> }>();
  for (const r of rows) {
    const entry = bySignal.get(r.id) ?? { number: r.number, profile_id: r.profile_id, profile_version: r.profile_version, starts: new Map() };
    entry.starts.set(r.event, new Date(r.at as Date | string));
    bySignal.set(r.id, entry);
  }
  const targets: Target[] = [];
  for (const [id, s] of bySignal) {
    const profile = profileOf(s);
    if (!profile) {
      noteSkipped(skipped, [{ profile: profileKey(s), recordType: 'signal', action: '*', why: 'the profile version is not shipped' }]);
      continue;
    }
    noteSkipped(skipped, rulesOf(profile).skipped);
    if (dueRecordTypes(profile, s.starts, now, ['signal']).has('signal')) {
      targets.push({ kind: 'signal', id, reference: s.number, actions: [{ recordType: 'signal', action: 'delete', count: 1 }] });
    }
  }
  return targets.sort((a, b) => a.reference.localeCompare(b.reference));
}

async function planCases(ctx: Ctx, now: Date, ids: string[] | undefined, skipped: Map<string, SkippedRule>): Promise<Target[]> {
  // Only closed cases: a case being worked on (or reopened) is never cleaned up. Anonymised cases
  // come back only if something personal was added to them afterwards.
  let q = ctx.db
    .selectFrom('cases as c')
    .select(['c.id', 'c.case_number', 'c.profile_id', 'c.profile_version', 'c.closed_at'])
    .where('c.status', '=', 'closed')
    .where(({ or, eb, exists, selectFrom }) =>
      or([
        eb('c.anonymised_at', 'is', null),
        exists(selectFrom('case_notes as n').select('n.id').whereRef('n.case_id', '=', 'c.id')),
        exists(selectFrom('case_documents as d').select('d.id').whereRef('d.case_id', '=', 'c.id')),
      ]),
    );
  if (ids) q = q.where('c.id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
  const candidates = await q.orderBy('c.case_number').execute();
  const due = new Map<string, { reference: string; types: Set<CaseRecordType> }>();
  for (const part of chunks(candidates)) {
    const events = await ctx.db
      .selectFrom('case_events')
      .select(['case_id', 'event', (eb) => eb.fn.max('at').as('at')])
      .where('case_id', 'in', part.map((c) => c.id))
      .groupBy(['case_id', 'event'])
      .execute();
    for (const c of part) {
      const profile = profileOf(c);
      if (!profile) {
        noteSkipped(skipped, [{ profile: profileKey(c), recordType: 'case', action: '*', why: 'the profile version is not shipped' }]);
        continue;
      }
      noteSkipped(skipped, rulesOf(profile).skipped);
      const starts = new Map(events.filter((e) => e.case_id === c.id).map((e) => [e.event, new Date(e.at as Date | string)]));
      // Cases closed before closure was an event still have their closing time.
      if (!starts.has('case-closed') && c.closed_at) starts.set('case-closed', c.closed_at);
      const types = dueRecordTypes(profile, starts, now, CASE_RECORD_TYPES) as Set<CaseRecordType>;
      if (types.has('case')) for (const t of CASE_RECORD_TYPES) types.add(t);
      if (types.size) due.set(c.id, { reference: c.case_number, types });
    }
  }
  const pending = await pendingCounts(ctx, [...due.keys()]);
  const targets: Target[] = [];
  for (const [id, d] of due) {
    const counts = pending.get(id);
    const actions = CASE_RECORD_TYPES.filter((t) => d.types.has(t) && (counts?.[t] ?? 0) > 0).map((t) => ({ recordType: t, action: SUPPORTED[t], count: counts![t] }));
    if (actions.length) targets.push({ kind: 'case', id, reference: d.reference, actions });
  }
  return targets;
}

type Counts = Record<CaseRecordType, number>;

/** Per case, how many records of each type still hold something retention would remove. */
async function pendingCounts(ctx: Ctx, caseIds: string[]): Promise<Map<string, Counts>> {
  const result = new Map<string, Counts>(caseIds.map((id) => [id, { note: 0, document: 0, identity: 0, 'consent-record': 0, referral: 0, case: 0 }]));
  const put = (rows: { case_id: string; n: number | string | bigint }[], type: CaseRecordType) => {
    for (const r of rows) result.get(r.case_id)![type] = Number(r.n);
  };
  for (const part of chunks(caseIds)) {
    const count = sql<number>`count(*)`.as('n');
    put(await ctx.db.selectFrom('case_notes').select(['case_id', count]).where('case_id', 'in', part).groupBy('case_id').execute(), 'note');
    put(await ctx.db.selectFrom('case_documents').select(['case_id', count]).where('case_id', 'in', part).groupBy('case_id').execute(), 'document');
    put(
      await ctx.db
        .selectFrom('consents')
        .select(['case_id', count])
        .where('case_id', 'in', part)
        .where(sql<boolean>`(note is not null or withdrawal_reason is not null
          or recorded_at <> date_trunc('day', recorded_at, 'UTC') or withdrawn_at <> date_trunc('day', withdrawn_at, 'UTC'))`)
        .groupBy('case_id')
        .execute(),
      'consent-record',
    );
    put(
      await ctx.db
        .selectFrom('referrals')
        .select(['case_id', count])
        .where('case_id', 'in', part)
        .where(sql<boolean>`(note is not null or response_note is not null or ended_reason is not null or consent_override_reason is not null
          or requested_at <> date_trunc('day', requested_at, 'UTC') or responded_at <> date_trunc('day', responded_at, 'UTC')
          or completed_at <> date_trunc('day', completed_at, 'UTC') or ended_at <> date_trunc('day', ended_at, 'UTC'))`)
        .groupBy('case_id')
        .execute(),
      'referral',
    );
    const identity = await ctx.db
      .selectFrom('cases as c')
      .select('c.id')
      .where('c.id', 'in', part)
      .where(sql<boolean>`(c.person_enc is not null or cardinality(c.name_tokens) > 0 or cardinality(c.name_pairs) > 0 or c.dob_token is not null
        or exists (select 1 from signals s where (s.case_id = c.id or s.id = c.source_signal_id)
                   and (s.person_enc is not null or cardinality(s.name_tokens) > 0 or cardinality(s.name_pairs) > 0 or s.dob_token is not null))
        or exists (select 1 from case_corrections k where k.case_id = c.id))`)
      .execute();
    for (const r of identity) result.get(r.id)!.identity = 1;
    const open = await ctx.db.selectFrom('cases').select('id').where('id', 'in', part).where('anonymised_at', 'is', null).execute();
    for (const r of open) result.get(r.id)!.case = 1;
  }
  return result;
}
