import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../src/errors/catalogue.ts';
import {
  compareVersions,
  DEFAULT_PROFILE_ID,
  getProfile,
  listProfiles,
  loadProfile,
  loadProfileFile,
  PROFILES_DIR,
  ProfileError,
  profileRef,
} from '../src/profiles/load-profile.ts';
import { CORE_EVENTS, DIRECTIVE_FORMS } from '../src/profiles/profile-schema.ts';

const raw = (file: string) => JSON.parse(fs.readFileSync(path.join(PROFILES_DIR, file), 'utf8')) as Record<string, any>;

describe('shipped profiles', () => {
  it('load, one Dutch and one UK-style, and the default exists', () => {
    const all = listProfiles();
    expect(all.map((p) => `${p.id}@${p.version}`)).toEqual(['nl@2026.1.0', 'uk@2026.1.0']);
    expect(getProfile(DEFAULT_PROFILE_ID).country).toBe('NL');
    expect(getProfile('uk', '2026.1.0').timezone).toBe('Europe/London');
    expect(profileRef(getProfile('nl'))).toEqual({ id: 'nl', version: '2026.1.0' });
  });

  it('answers NOT_FOUND for an unknown id or version', () => {
    expect(() => getProfile('xx')).toThrow(DomainError);
    expect(() => getProfile('nl', '1999.1.0')).toThrow(/No jurisdiction profile nl@1999.1.0/);
  });

  it('every shipped profile covers every form of the 2024 Directive and every application event', () => {
    for (const p of listProfiles()) {
      const directive = new Set(p.formsOfExploitation.map((f) => f.directive));
      for (const d of DIRECTIVE_FORMS) expect(directive, `${p.id} ${d}`).toContain(d);
      const events = new Set(p.events.map((e) => e.code));
      for (const e of CORE_EVENTS) expect(events, `${p.id} ${e}`).toContain(e);
    }
  });

  it('the Dutch profile: 10 police units + national unit, KMar and NLA separately; bedenktijd; dossier types', () => {
    const nl = getProfile('nl');
    expect(nl.regions.filter((r) => r.kind === 'police-unit')).toHaveLength(10);
    expect(nl.regions.filter((r) => r.kind === 'national-unit').map((r) => r.code)).toEqual(['landelijke-eenheid']);
    expect(nl.regions.filter((r) => r.kind === 'agency').map((r) => r.code)).toEqual(['kmar', 'nla']);
    const clock = (c: string) => nl.clocks.find((x) => x.code === c);
    expect(clock('reflection-period')?.duration).toEqual({ amount: 3, unit: 'months' });
    expect(clock('reflection-period-dublin')?.duration).toEqual({ amount: 30, unit: 'calendar-days' });
    expect(nl.dossierTypes.map((d) => d.code)).toEqual(['registration-only', 'registration-shelter', 'registration-information-advice']);
    // No formal identification body today: the committee only advises.
    expect(nl.decisionBodies.map((b) => [b.kind, b.binding])).toEqual([['committee', false]]);
    // Only police, KMar and NLA may pass data to the registrar without consent.
    const registration = nl.consentPurposes.find((c) => c.code === 'registration');
    expect(registration?.bases).toEqual([
      { basis: 'statutory-task', organisationTypes: ['police', 'border-police', 'labour-inspectorate'] },
      { basis: 'consent' },
    ]);
  });

  it('the UK-style profile: reasonable grounds in 5 working days, at least 30 days of recovery, then conclusive grounds', () => {
    const uk = getProfile('uk');
    const [rg, cg] = uk.identificationStages;
    expect([rg?.code, cg?.code]).toEqual(['reasonable-grounds', 'conclusive-grounds']);
    const clock = (c: string | undefined) => uk.clocks.find((x) => x.code === c);
    expect(clock(rg?.targetClock)?.duration).toEqual({ amount: 5, unit: 'working-days' });
    expect(rg?.outcomes.find((o) => o.code === 'positive')?.next).toBe('conclusive-grounds');
    expect(clock(cg?.notBefore)).toMatchObject({ kind: 'minimum-period', startOn: 'reasonable-grounds-positive', duration: { amount: 30, unit: 'calendar-days' } });
    for (const stage of [rg, cg]) expect(clock(stage?.reviews[0]?.requestWindowClock)).toBeDefined();
  });

  it('loaded profiles are frozen, so no caller can change shared configuration', () => {
    const nl = getProfile('nl');
    expect(Object.isFrozen(nl.clocks[0]?.duration)).toBe(true);
    expect(() => (nl.regions as { code: string }[]).push({ code: 'x' })).toThrow();
  });
});

describe('an invalid profile', () => {
  it('is refused with EVERY problem listed: schema and cross-reference together, each with its path', () => {
    const p = raw('nl-2026.json');
    p.version = 'one'; // schema
    p.timezone = 'Europe/Atlantis'; // schema
    p.surprise = true; // schema: unknown key
    p.clocks[1].duration.unit = 'fortnights'; // schema
    p.clocks[0].startOn = 'no-such-event'; // cross-reference
    p.identificationStages[0].decisionBody = 'nobody'; // cross-reference
    p.regions[1].code = p.regions[0].code; // duplicate code
    p.consentPurposes[0].requiredBefore = ['ghost-event']; // unknown event
    p.referralTypes[0].requiredConsents = ['unknown-purpose']; // unknown consent purpose
    p.retention[0].recordType = 'ghost-record'; // unknown record type (and "signal" loses its rule)
    p.calendar.extraHolidays = [{ date: '2040-01-02', code: 'jubilee', label: { nl: 'Jubileum', en: 'Jubilee' } }]; // outside range
    p.regions[2].label = { nl: 'Alleen Nederlands' }; // missing English text
    p.indicatorCategories[0].items[0].forms = ['ghost-form']; // unknown form

    const expected: [string, RegExp][] = [
      ['version', /./],
      ['timezone', /IANA time zone/],
      ['', /surprise/],
      ['clocks.1.duration.unit', /./],
      ['clocks.0.startOn', /unknown event "no-such-event"/],
      ['identificationStages.0.decisionBody', /unknown decision body "nobody"/],
      ['regions.1.code', /duplicate region "noord-nederland"/],
      ['consentPurposes.0.requiredBefore.0', /unknown event "ghost-event"/],
      ['referralTypes.0.requiredConsents.0', /unknown consent purpose "unknown-purpose"/],
      ['retention.0.recordType', /unknown record type "ghost-record"/],
      ['recordTypes.0', /record type "signal" has no retention rule/],
      ['calendar.extraHolidays.0.date', /outside the calendar's range 2024-2035/],
      ['regions.2.label.en', /missing the "en" text/],
      ['indicatorCategories.0.items.0.forms.0', /unknown form of exploitation "ghost-form"/],
    ];
    let error: ProfileError | undefined;
    try {
      loadProfile(p, 'test');
    } catch (e) {
      error = e as ProfileError;
    }
    expect(error).toBeInstanceOf(ProfileError);
    const problems = error?.problems ?? [];
    for (const [at, message] of expected) {
      expect(problems.some((x) => x.path === at && message.test(x.message)), `${at} ${message}: ${JSON.stringify(problems)}`).toBe(true);
    }
    expect(problems).toHaveLength(expected.length);
    expect(error?.message).toContain('clocks.0.startOn: unknown event "no-such-event"');
  });

  const cases: [string, (p: Record<string, any>) => void, string, RegExp][] = [
    ['a pause without a resume', (p) => (p.clocks[0].pauseOn = ['contact-lost']), 'clocks.0.resumeOn', /needs a resume event/],
    ['a warning not before due', (p) => (p.clocks[1].warnings = [{ amount: 4, unit: 'months' }]), 'clocks.1.warnings.0', /before the clock is due/],
    ['an outcome that opens an earlier stage', (p) => (p.identificationStages[0].outcomes[0].next = 'multidisciplinary-assessment'), 'identificationStages.0.outcomes.0.next', /must come after/],
    ['notBefore naming a deadline clock', (p) => (p.identificationStages[0].notBefore = 'triage-target'), 'identificationStages.0.notBefore', /not a minimum-period clock/],
    ['a missing application event', (p) => (p.events = p.events.filter((e: { code: string }) => e.code !== 'case-reopened')), 'events', /"case-reopened" is missing/],
    ['a Directive form nobody maps to', (p) => (p.formsOfExploitation = p.formsOfExploitation.filter((f: { code: string }) => f.code !== 'illegal-adoption')), 'formsOfExploitation', /"illegal-adoption"/],
    ['an impossible fixed holiday', (p) => Object.assign(p.calendar.holidays[0], { month: 2, day: 30 }), 'calendar.holidays.0.day', /month 2 has no day 30/],
    ['removing a date no rule produces', (p) => (p.calendar.removedHolidays = [{ date: '2026-03-03' }]), 'calendar.removedHolidays.0.date', /no holiday rule falls on 2026-03-03/],
    ['a year range upside down', (p) => (p.calendar.toYear = 2020), 'calendar.toYear', /before fromYear/],
    ['an unknown organisation type on a basis', (p) => (p.consentPurposes[0].bases[0].organisationTypes = ['army']), 'consentPurposes.0.bases.0.organisationTypes.0', /./],
    ['a duplicate indicator across categories', (p) => (p.indicatorCategories[1].items[0].code = p.indicatorCategories[0].items[0].code), 'indicatorCategories.1.items.0.code', /duplicate indicator/],
    ['an unknown response clock', (p) => (p.referralTypes[2].responseClock = 'soon'), 'referralTypes.2.responseClock', /unknown clock "soon"/],
    ['a decision body of an unknown organisation type', (p) => (p.organisationTypes = p.organisationTypes.filter((o: { code: string }) => o.code !== 'identification-body')), 'decisionBodies.0.organisationType', /unknown organisation type/],
  ];
  it.each(cases)('reports %s', (_name, mutate, at, message) => {
    const p = raw('nl-2026.json');
    mutate(p);
    try {
      loadProfile(p);
      expect.unreachable();
    } catch (e) {
      const problems = (e as ProfileError).problems;
      expect(problems.some((x) => x.path === at && message.test(x.message)), JSON.stringify(problems)).toBe(true);
    }
  });

  it('that is not an object or not JSON is refused with a problem, not a crash', () => {
    expect(() => loadProfile(42)).toThrow(ProfileError);
    const file = path.join(fs.mkdtempSync(path.join(process.cwd(), '.tmp', 'profile-')), 'broken.json');
    fs.writeFileSync(file, '{"id": "nl",');
    expect(() => loadProfileFile(file)).toThrow(/not readable as JSON/);
    fs.rmSync(path.dirname(file), { recursive: true });
  });
});

describe('versions', () => {
  it('order numerically, pre-releases first', () => {
    const sorted = ['2026.10.0', '2026.9.0', '2026.9.0-rc.1', '2027.1.0', '2026.1.0'].sort(compareVersions);
    expect(sorted).toEqual(['2026.1.0', '2026.9.0-rc.1', '2026.9.0', '2026.10.0', '2027.1.0']);
    expect(compareVersions(2, 10)).toBeLessThan(0);
  });
});
