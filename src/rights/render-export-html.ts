import type { Profile } from '../profiles/profile-schema.ts';
import type { CaseExport } from './collect-export.ts';
import { EXPORT_TEXTS, type ExportLanguage } from './export-texts.ts';

/** Every character that could end a text or an attribute in HTML is escaped. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Technical identifiers mean nothing to the reader; the case number identifies the case. */
const HIDDEN_KEYS = /^(id|.*Id|.*Ids|profile|consentOverridden|active|subject|signalId|caseNumber|pausedMs|nextWarningAt|pausedAt|overdueAt|escalatedAt)$/;

type Labels = Map<string, Map<string, Record<string, string>>>;

function profileLabels(profile: Profile | null): Labels {
  const labels: Labels = new Map();
  if (!profile) return labels;
  const add = (keys: string[], items: readonly { code: string; label: Record<string, string> }[]) => {
    const map = new Map(items.map((i) => [i.code, i.label]));
    for (const key of keys) labels.set(key, map);
  };
  add(['forms'], profile.formsOfExploitation);
  add(['sector'], profile.sectors);
  add(['region'], profile.regions);
  add(['organisationType'], profile.organisationTypes);
  add(['dossierType'], profile.dossierTypes);
  add(['purpose'], profile.consentPurposes);
  add(['type'], profile.referralTypes);
  add(['event'], profile.events);
  add(['stage'], profile.identificationStages);
  add(['decisionBody'], profile.decisionBodies);
  add(['outcome'], profile.identificationStages.flatMap((s) => s.outcomes));
  add(['indicators'], profile.indicatorCategories.flatMap((c) => c.items));
  return labels;
}

/**
 * The export as one self-contained, printable HTML page in Dutch or English: inline styles only,
 * no scripts, images, fonts or links to elsewhere, and every value escaped.
 */
export function renderExportHtml(data: CaseExport, lang: ExportLanguage, profile: Profile | null): string {
  const t = EXPORT_TEXTS[lang];
  const labels = profileLabels(profile);
  const dateFormat = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: profile?.timezone ?? 'UTC' });
  const label = (key: string) => escapeHtml(t.fields[key] ?? key);

  function scalar(key: string, value: unknown): string {
    if (value === null || value === undefined || value === '') return t.none;
    if (typeof value === 'boolean') return value ? t.yes : t.no;
    if (typeof value === 'number') return String(value);
    const text = String(value);
    const coded = labels.get(key)?.get(text);
    if (coded) return escapeHtml(coded[lang] ?? coded.nl ?? text);
    const fixed = t.values[key]?.[text];
    if (fixed) return escapeHtml(fixed);
    if (TIMESTAMP.test(text)) {
      const date = new Date(text);
      if (!Number.isNaN(date.getTime())) return escapeHtml(dateFormat.format(date));
    }
    return escapeHtml(text);
  }

  function value(key: string, v: unknown): string {
    if (Array.isArray(v)) {
      if (v.length === 0) return t.none;
      if (v.every((x) => typeof x !== 'object' || x === null)) return v.map((x) => scalar(key, x)).join(', ');
      return v.map((x) => record(x as Record<string, unknown>)).join('');
    }
    if (v && typeof v === 'object') {
      const obj = v as Record<string, unknown>;
      // A profile label ({ nl, en }) is shown in the reader's language.
      if (key === 'label' && typeof obj.nl === 'string') return escapeHtml(String(obj[lang] ?? obj.nl));
      return record(obj);
    }
    return scalar(key, v);
  }

  function record(obj: Record<string, unknown> | null): string {
    if (!obj) return `<p>${t.empty}</p>`;
    const rows = Object.entries(obj)
      .filter(([k]) => !HIDDEN_KEYS.test(k))
      .map(([k, v]) => `<tr><th scope="row">${label(k)}</th><td>${value(k, v)}</td></tr>`)
      .join('');
    return `<table>${rows}</table>`;
  }

  const section = (key: keyof typeof t.sections, body: string) => `<section><h2>${escapeHtml(t.sections[key])}</h2>${body}</section>`;
  const list = (items: readonly Record<string, unknown>[]) => (items.length ? items.map((i) => record(i)).join('') : `<p>${t.empty}</p>`);
  const c = data.case;
  const intro = t.intro.replace('{caseNumber}', escapeHtml(c.caseNumber)).replace('{date}', escapeHtml(dateFormat.format(new Date(data.exportedAt))));

  return [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${t.title} ${c.caseNumber}`)}</title>`,
    '<style>',
    'body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.4}',
    'h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:2px solid #154273;margin-top:2rem;padding-bottom:.2rem}',
    'table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}',
    'th{width:30%;background:#f2f4f7;font-weight:600}td table{margin:.25rem 0}section{break-inside:auto}',
    '@media print{body{margin:0;max-width:none}h2{break-after:avoid}}',
    '</style></head><body>',
    `<h1>${escapeHtml(t.title)}: ${escapeHtml(c.caseNumber)}</h1>`,
    `<p>${intro}</p>`,
    section('case', record({ caseNumber: c.caseNumber, status: c.status, dossierType: c.dossierType, registeredAt: c.registeredAt, closedAt: c.closedAt, closureReason: c.closureReason, anonymisedAt: c.anonymisedAt })),
    section('identity', record(c.identity)),
    section('person', record(c.person)),
    section('exploitation', record(c.exploitation)),
    section('investigation', record(c.investigation)),
    section('source', record(c.source)),
    section('dossierHistory', list(data.dossierHistory)),
    section('signals', list(data.signals)),
    section('consents', list(data.consents)),
    section('referrals', list(data.referrals)),
    section('events', list(data.events)),
    section('clocks', list(data.clocks)),
    section('identificationProcedures', list(data.identification.procedures)),
    section('identificationDecisions', list(data.identification.decisions)),
    section('notes', list(data.notes)),
    section('documents', `<p>${escapeHtml(t.documentsNote)}</p>${list(data.documents.items)}`),
    section('corrections', list(data.corrections)),
    section('accessLog', list(data.accessLog)),
    '</body></html>',
  ].join('\n');
}
