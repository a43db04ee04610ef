import { CORE_EVENTS, DIRECTIVE_FORMS } from './profile-schema.ts';
import { ruleDay } from './holidays.ts';
import { daysInMonth, fromDayNumber, parseIsoDate } from './time-zone.ts';

/**
 * Checks between the parts of a profile: unknown references, duplicate codes, missing labels,
 * holiday dates outside the calendar's range. It reads the RAW input defensively (any shape), so
 * it runs even when the schema fails and the loader can list schema and cross-reference problems
 * together. Paths are dotted, as in zod: `clocks.2.startOn`.
 */
export type ProfileProblem = { path: string; message: string };

type Rec = Record<string, unknown>;
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const records = (x: unknown): [number, Rec][] => (Array.isArray(x) ? x.flatMap((v, i): [number, Rec][] => (isRec(v) ? [[i, v]] : [])) : []);
const strings = (x: unknown): [number, string][] =>
  Array.isArray(x) ? x.flatMap((v, i): [number, string][] => (typeof v === 'string' ? [[i, v]] : [])) : [];
const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
const num = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) ? x : undefined);

export function crossCheckProfile(input: unknown): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  if (!isRec(input)) return problems;
  const p = input;
  const add = (path: string, message: string) => problems.push({ path, message });

  /** Collects the codes of a list, reporting duplicates at the later occurrence. */
  const codesOf = (list: unknown, path: string, what: string, key = 'code'): Set<string> => {
    const seen = new Set<string>();
    for (const [i, r] of records(list)) {
      const c = str(r[key]);
      if (c === undefined) continue;
      if (seen.has(c)) add(`${path}.${i}.${key}`, `duplicate ${what} "${c}"`);
      seen.add(c);
    }
    return seen;
  };
  const ref = (known: Set<string>, value: unknown, path: string, what: string) => {
    const v = str(value);
    if (v !== undefined && !known.has(v)) add(path, `unknown ${what} "${v}"`);
  };
  const refs = (known: Set<string>, list: unknown, path: string, what: string) => {
    for (const [i, v] of strings(list)) ref(known, v, `${path}.${i}`, what);
  };

  const orgTypes = codesOf(p.organisationTypes, 'organisationTypes', 'organisation type');
  codesOf(p.regions, 'regions', 'region');
  const forms = codesOf(p.formsOfExploitation, 'formsOfExploitation', 'form of exploitation');
  const events = codesOf(p.events, 'events', 'event');
  const clocks = codesOf(p.clocks, 'clocks', 'clock');
  const purposes = codesOf(p.consentPurposes, 'consentPurposes', 'consent purpose');
  const bodies = codesOf(p.decisionBodies, 'decisionBodies', 'decision body');
  const stages = codesOf(p.identificationStages, 'identificationStages', 'identification stage');
  const recordTypes = codesOf(p.recordTypes, 'recordTypes', 'record type');
  codesOf(p.sectors, 'sectors', 'sector');
  codesOf(p.dossierTypes, 'dossierTypes', 'dossier type');
  const referralTypes = codesOf(p.referralTypes, 'referralTypes', 'referral type');
  codesOf(p.indicatorCategories, 'indicatorCategories', 'indicator category');

  if (Array.isArray(p.events)) for (const e of CORE_EVENTS) if (!events.has(e)) add('events', `the application's event "${e}" is missing`);

  // Forms: every form of the Directive must be recordable, or the EU statistics cannot be produced.
  const directive = new Set(records(p.formsOfExploitation).map(([, f]) => str(f.directive)));
  for (const d of DIRECTIVE_FORMS) if (d !== 'other' && !directive.has(d)) add('formsOfExploitation', `no form maps to the Directive's "${d}"`);
  for (const [i, s] of records(p.sectors)) refs(forms, s.forms, `sectors.${i}.forms`, 'form of exploitation');

  // Indicator item codes are unique across categories: a signal stores the item code alone.
  const items = new Set<string>();
  for (const [i, cat] of records(p.indicatorCategories)) {
    for (const [j, item] of records(cat.items)) {
      const path = `indicatorCategories.${i}.items.${j}`;
      const c = str(item.code);
      if (c !== undefined && items.has(c)) add(`${path}.code`, `duplicate indicator "${c}"`);
      if (c !== undefined) items.add(c);
      refs(forms, item.forms, `${path}.forms`, 'form of exploitation');
    }
  }

  for (const [i, d] of records(p.dossierTypes)) refs(purposes, d.requiredConsents, `dossierTypes.${i}.requiredConsents`, 'consent purpose');
  for (const [i, c] of records(p.consentPurposes)) {
    refs(events, c.requiredBefore, `consentPurposes.${i}.requiredBefore`, 'event');
    const bases = new Set<string>();
    for (const [j, b] of records(c.bases)) {
      const basis = str(b.basis);
      if (basis !== undefined && bases.has(basis)) add(`consentPurposes.${i}.bases.${j}.basis`, `legal basis "${basis}" listed twice`);
      if (basis !== undefined) bases.add(basis);
      refs(orgTypes, b.organisationTypes, `consentPurposes.${i}.bases.${j}.organisationTypes`, 'organisation type');
    }
  }
  for (const [i, r] of records(p.referralTypes)) {
    refs(orgTypes, r.receivingOrganisationTypes, `referralTypes.${i}.receivingOrganisationTypes`, 'organisation type');
    refs(purposes, r.requiredConsents, `referralTypes.${i}.requiredConsents`, 'consent purpose');
    ref(clocks, r.responseClock, `referralTypes.${i}.responseClock`, 'clock');
    // The response clock must actually run for this referral type (its appliesTo filter lets it through).
    const response = records(p.clocks).find(([, c]) => c.code === r.responseClock)?.[1];
    const appliesTo = response && isRec(response.appliesTo) ? strings(response.appliesTo.referralTypes).map(([, t]) => t) : undefined;
    const type = str(r.code);
    if (appliesTo && type !== undefined && !appliesTo.includes(type)) {
      add(`referralTypes.${i}.responseClock`, `clock "${String(r.responseClock)}" does not apply to referral type "${type}" (see its appliesTo)`);
    }
  }
  for (const [i, b] of records(p.decisionBodies)) ref(orgTypes, b.organisationType, `decisionBodies.${i}.organisationType`, 'organisation type');

  const stageOrder = new Map(records(p.identificationStages).map(([i, s]) => [str(s.code), i]));
  for (const [i, s] of records(p.identificationStages)) {
    const path = `identificationStages.${i}`;
    ref(bodies, s.decisionBody, `${path}.decisionBody`, 'decision body');
    ref(events, s.startsOn, `${path}.startsOn`, 'event');
    ref(clocks, s.targetClock, `${path}.targetClock`, 'clock');
    ref(clocks, s.notBefore, `${path}.notBefore`, 'clock');
    const minimum = records(p.clocks).find(([, c]) => c.code === s.notBefore)?.[1];
    if (minimum && minimum.kind !== 'minimum-period') add(`${path}.notBefore`, `clock "${String(s.notBefore)}" is not a minimum-period clock`);
    codesOf(s.outcomes, `${path}.outcomes`, 'outcome');
    for (const [j, o] of records(s.outcomes)) {
      ref(events, o.event, `${path}.outcomes.${j}.event`, 'event');
      const next = str(o.next);
      if (next === undefined) continue;
      if (!stages.has(next)) add(`${path}.outcomes.${j}.next`, `unknown identification stage "${next}"`);
      else if ((stageOrder.get(next) ?? -1) <= i) add(`${path}.outcomes.${j}.next`, `stage "${next}" must come after this stage`);
    }
    codesOf(s.reviews, `${path}.reviews`, 'review');
    for (const [j, r] of records(s.reviews)) {
      ref(bodies, r.decisionBody, `${path}.reviews.${j}.decisionBody`, 'decision body');
      ref(events, r.requestedEvent, `${path}.reviews.${j}.requestedEvent`, 'event');
      ref(clocks, r.requestWindowClock, `${path}.reviews.${j}.requestWindowClock`, 'clock');
      ref(clocks, r.decisionClock, `${path}.reviews.${j}.decisionClock`, 'clock');
    }
  }

  for (const [i, c] of records(p.clocks)) {
    const path = `clocks.${i}`;
    ref(events, c.startOn, `${path}.startOn`, 'event');
    for (const key of ['pauseOn', 'resumeOn', 'stopOn', 'restartOn']) refs(events, c[key], `${path}.${key}`, 'event');
    if (isRec(c.appliesTo)) refs(referralTypes, c.appliesTo.referralTypes, `${path}.appliesTo.referralTypes`, 'referral type');
    if (strings(c.pauseOn).length > 0 && strings(c.resumeOn).length === 0) add(`${path}.resumeOn`, 'a clock that can pause needs a resume event');
    const length = approxDays(c.duration);
    for (const [j, w] of records(c.warnings)) {
      const before = approxDays(w);
      if (length !== undefined && before !== undefined && before >= length) add(`${path}.warnings.${j}`, 'a warning must come before the clock is due');
    }
  }

  for (const [i, r] of records(p.retention)) {
    ref(recordTypes, r.recordType, `retention.${i}.recordType`, 'record type');
    ref(events, r.startsOn, `retention.${i}.startsOn`, 'event');
  }
  const retained = codesOf(p.retention, 'retention', 'retention rule for record type', 'recordType');
  for (const [i, t] of records(p.recordTypes)) {
    const c = str(t.code);
    if (c !== undefined && !retained.has(c)) add(`recordTypes.${i}`, `record type "${c}" has no retention rule`);
  }

  if (isRec(p.calendar)) checkCalendar(p.calendar, add, codesOf);
  checkLabels(p, strings(p.languages).map(([, l]) => l), '', add);
  return problems;
}

const DAYS_PER_UNIT: Record<string, number> = { hours: 1 / 24, 'calendar-days': 1, 'working-days': 7 / 5, months: 30.44, years: 365.25 };
function approxDays(d: unknown): number | undefined {
  if (!isRec(d)) return undefined;
  const amount = num(d.amount);
  const per = DAYS_PER_UNIT[str(d.unit) ?? ''];
  return amount === undefined || per === undefined ? undefined : amount * per;
}

function checkCalendar(
  cal: Rec,
  add: (path: string, message: string) => void,
  codesOf: (list: unknown, path: string, what: string) => Set<string>,
): void {
  const from = num(cal.fromYear);
  const to = num(cal.toYear);
  if (from !== undefined && to !== undefined && from > to) add('calendar.toYear', `must not be before fromYear (${from})`);
  codesOf(cal.holidays, 'calendar.holidays', 'holiday');
  const inRange = (date: unknown, path: string) => {
    const n = parseIsoDate(str(date) ?? '');
    if (n === undefined || from === undefined || to === undefined) return;
    const { year } = fromDayNumber(n);
    if (year < from || year > to) add(path, `${String(date)} is outside the calendar's range ${from}-${to}`);
  };
  for (const [i, r] of records(cal.holidays)) {
    const month = num(r.month);
    const day = num(r.day);
    if (r.kind === 'fixed' && month !== undefined && day !== undefined && month >= 1 && month <= 12 && day > daysInMonth(2024, month)) {
      add(`calendar.holidays.${i}.day`, `month ${month} has no day ${day}`);
    }
  }
  for (const [i, e] of records(cal.extraHolidays)) inRange(e.date, `calendar.extraHolidays.${i}.date`);
  for (const [i, r] of records(cal.removedHolidays)) {
    inRange(r.date, `calendar.removedHolidays.${i}.date`);
    const n = parseIsoDate(str(r.date) ?? '');
    if (n === undefined) continue;
    const produced = records(cal.holidays).some(([, rule]) => {
      try {
        return ruleDay({ moveIf: [], substitute: 'none', ...rule } as never, fromDayNumber(n).year) === n;
      } catch {
        return false; // a malformed rule is reported by the schema
      }
    });
    if (!produced) add(`calendar.removedHolidays.${i}.date`, `no holiday rule falls on ${String(r.date)}`);
  }
}

const LABEL_KEYS = new Set(['label', 'name', 'description']);
/** Every label in the profile must be given in every language the profile lists. */
function checkLabels(node: unknown, languages: string[], path: string, add: (path: string, message: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((v, i) => checkLabels(v, languages, `${path}${path ? '.' : ''}${i}`, add));
    return;
  }
  if (!isRec(node)) return;
  for (const [key, value] of Object.entries(node)) {
    const at = `${path}${path ? '.' : ''}${key}`;
    if (LABEL_KEYS.has(key) && isRec(value)) {
      for (const lang of languages) if (typeof value[lang] !== 'string') add(`${at}.${lang}`, `missing the "${lang}" text`);
    } else checkLabels(value, languages, at, add);
  }
}
