/**
 * Bulk data for the referral-mechanism benchmark: cases with their source signals, open signals,
 * referrals and a long audit trail, written with batched inserts (the operations would take hours
 * for 100,000 cases). Values are encrypted and blind-indexed exactly as the operations do, and the
 * audit entries form a valid hash chain, so the API under test does its real work.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { auditHash, GENESIS_HASH } from '../src/audit/audit-hash.ts';
import { personColumns, sealText } from '../src/cases/person.ts';
import type { Ctx } from '../src/context.ts';
import type { Keyring } from '../src/crypto/keyring.ts';
import type { DB } from '../src/db/schema.ts';
import { linkSignalDuplicates } from '../src/intake/find-duplicates.ts';
import { newCaseNumber, newSignalNumber } from '../src/intake/signal-numbers.ts';

const FIRST = ['Maria', 'Elena', 'Ioana', 'Ana', 'Grace', 'Blessing', 'Mai', 'Linh', 'Olga', 'Natalia', 'Tomasz', 'Piotr', 'Mohamed', 'Ahmed', 'Juan', 'Lucia', 'Fatima', 'Amina', 'Sofia', 'Daniela', 'Andrei', 'Vasile', 'Nguyen', 'Thi', 'Joy', 'Esther', 'Irina', 'Svetlana', 'Kateryna', 'Oksana'];
const LAST = ['Popescu', 'Ionescu', 'Dumitru', 'Okafor', 'Adeyemi', 'Tran', 'Nguyen', 'Kowalski', 'Nowak', 'Wiśniewska', 'García', 'Rodríguez', 'Benali', 'El Amrani', 'Horvath', 'Petrov', 'Ivanova', 'Shevchenko', 'Kovalenko', 'de Vries', 'Jansen', 'Bakker', 'Osei', 'Mensah', 'Santos', 'Silva', 'Moreno', 'Diaz', 'Hoang', 'Pham'];
const FORMS = ['sexual-exploitation', 'forced-labour', 'criminal-exploitation', 'forced-begging', 'servitude', 'forced-marriage'];
const REGIONS = ['noord-nederland', 'oost-nederland', 'midden-nederland', 'noord-holland', 'amsterdam', 'den-haag', 'rotterdam', 'zeeland-west-brabant', 'oost-brabant', 'limburg', 'landelijke-eenheid', 'kmar', 'nla'];
const DOSSIERS = ['registration-only', 'registration-shelter', 'registration-information-advice'];
const CITIZENSHIPS = ['NL', 'RO', 'BG', 'PL', 'NG', 'VN', 'UA', 'MA', 'CO', 'XX'];

/** A small deterministic generator, so runs are comparable. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type BenchData = { caseNumbers: string[]; surnames: string[] };

export async function insertCases(
  db: Kysely<DB>,
  keyring: Keyring,
  opts: { cases: number; openSignals: number; profileVersion: string; now: Date; sourceOrgId: string; registrarId: string; shelterOrgId: string; onProgress?: (done: number) => void },
): Promise<BenchData> {
  const random = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const caseNumbers: string[] = [];
  const used = new Set<string>();
  const uniqueNumber = (make: (at: Date) => string, at: Date) => {
    let n = make(at);
    while (used.has(n)) n = make(at);
    used.add(n);
    return n;
  };
  const span = 3 * 365 * 86_400_000;
  const batch = 400;
  for (let start = 0; start < opts.cases + opts.openSignals; start += batch) {
    const signals = [];
    const cases = [];
    const referrals = [];
    for (let i = start; i < Math.min(start + batch, opts.cases + opts.openSignals); i++) {
      const isCase = i < opts.cases;
      const at = new Date(opts.now.getTime() - (isCase ? Math.floor(random() * span) : Math.floor(random() * 7 * 86_400_000)));
      const person = {
        name: `${pick(FIRST)} ${pick(LAST)}`,
        dateOfBirth: random() < 0.6 ? `${1975 + Math.floor(random() * 33)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}` : undefined,
        estimatedAge: random() < 0.4 ? 14 + Math.floor(random() * 30) : undefined,
        sex: random() < 0.7 ? ('female' as const) : ('male' as const),
      };
      const signalId = crypto.randomUUID();
      const form = pick(FORMS);
      const region = pick(REGIONS);
      const caseId = isCase ? crypto.randomUUID() : null;
      signals.push({
        id: signalId,
        number: uniqueNumber(newSignalNumber, at),
        channel: 'professional' as const,
        status: isCase ? ('registered' as const) : ('open' as const),
        acute_danger: random() < 0.05,
        minor_involved: random() < 0.1,
        profile_id: 'nl',
        profile_version: opts.profileVersion,
        submitted_by_user_id: null,
        source_organisation_id: opts.sourceOrgId,
        client_request_id: null,
        reference_code_hash: null,
        language: null,
        received_at: at,
        legal_basis: 'statutory-task' as const,
        ...personColumns(keyring, 'signals', signalId, person, at),
        description_enc: sealText(keyring, 'signals', 'description_enc', signalId, 'Benchmark signal.'),
        indicators: ['recruitment-debt'],
        forms: [form],
        sector: null,
        region,
        place: null,
        decision_reason: null,
        decided_at: isCase ? at : null,
        decided_by_user_id: isCase ? opts.registrarId : null,
        case_id: caseId,
      });
      if (caseId) {
        const number = uniqueNumber(newCaseNumber, at);
        caseNumbers.push(number);
        cases.push({
          id: caseId,
          case_number: number,
          profile_id: 'nl',
          profile_version: opts.profileVersion,
          status: random() < 0.8 ? ('open' as const) : ('closed' as const),
          dossier_type: pick(DOSSIERS),
          registered_at: at,
          registered_by_user_id: opts.registrarId,
          source_signal_id: signalId,
          source_organisation_id: opts.sourceOrgId,
          source_channel: 'professional',
          legal_basis: 'statutory-task',
          region,
          first_signal_at: at,
          ...personColumns(keyring, 'cases', caseId, person, at),
          sex: person.sex,
          citizenships: [pick(CITIZENSHIPS)],
          languages: [],
          interpreter_needed: null,
          forms: [form],
          sector: null,
          exploitation_location: 'in-country' as const,
          place: null,
          period_from: null,
          period_to: null,
          description_enc: null,
          investigation_enc: null,
          updated_at: at,
        });
        if (random() < 0.02) {
          referrals.push({
            case_id: caseId,
            type: 'shelter',
            organisation_id: opts.shelterOrgId,
            status: 'accepted' as const,
            access_profile: 'shelter',
            consent_id: null,
            consent_override_reason: 'Benchmark data.',
            note: null,
            requested_at: at,
            requested_by_user_id: opts.registrarId,
            responded_at: at,
            responded_by_user_id: null,
            response_note: null,
            completed_at: null,
            ended_reason: null,
            ended_at: null,
            ended_by_user_id: null,
          });
        }
      }
    }
    await db.insertInto('signals').values(signals).execute();
    if (cases.length) await db.insertInto('cases').values(cases).execute();
    if (referrals.length) await db.insertInto('referrals').values(referrals).execute();
    opts.onProgress?.(Math.min(start + batch, opts.cases + opts.openSignals));
  }
  // Possible duplicates of the open signals, as the operations record them on submission.
  const ctx = { db, clock: { now: () => opts.now } } as unknown as Ctx;
  const open = await db.selectFrom('signals').select(['id', 'name_tokens', 'name_pairs', 'dob_token']).where('status', '=', 'open').execute();
  for (const signal of open) await linkSignalDuplicates(ctx, signal);
  return { caseNumbers, surnames: LAST };
}

/** Appends `count` entries to the audit chain in batches, continuing from its last entry. */
export async function appendAuditEntries(db: Kysely<DB>, count: number, actor: { userId: string; organisationId: string }, onProgress?: (done: number) => void) {
  const last = await db.selectFrom('audit_log').select(['seq', 'hash', 'at']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let seq = last?.seq ?? 0;
  let prev = last?.hash ?? GENESIS_HASH;
  const start = Date.now() - 365 * 86_400_000;
  const batch = 2000;
  for (let done = 0; done < count; done += batch) {
    const rows = [];
    for (let i = 0; i < Math.min(batch, count - done); i++) {
      seq += 1;
      const fields = {
        seq,
        at: new Date(start + seq * 1000),
        actorUserId: actor.userId,
        actorOrganisationId: actor.organisationId,
        actorLabel: `user:${actor.userId}`,
        action: 'case.read',
        resourceType: 'case',
        resourceId: crypto.randomUUID(),
        purpose: 'case-work',
        outcome: 'ok',
        ip: '127.0.0.1',
        requestId: null,
        details: { fields: ['person'] },
      };
      const hash = auditHash(prev, fields);
      rows.push({
        seq, at: fields.at, actor_user_id: fields.actorUserId, actor_organisation_id: fields.actorOrganisationId, actor_label: fields.actorLabel,
        action: fields.action, resource_type: fields.resourceType, resource_id: fields.resourceId, purpose: fields.purpose, outcome: 'ok' as const,
        ip: fields.ip, request_id: null, details: JSON.stringify(fields.details), prev_hash: prev, hash,
      });
      prev = hash;
    }
    await db.insertInto('audit_log').values(rows).execute();
    onProgress?.(Math.min(done + batch, count));
  }
}
