import type { PublicContactChannel, PublicReportInput, PublicReportKind, ProofOfWork } from '../../../api/intake.ts';

export type ReportDraft = {
  kind: PublicReportKind | '';
  message: string;
  acuteDanger: boolean;
  name: string;
  age: string;
  place: string;
  work: string;
  channel: PublicContactChannel;
  value: string;
  safeTimes: string;
  /** The honeypot: stays empty for people. */
  website: string;
};

/** The server asks for at least this many characters in a message. */
export const MESSAGE_MIN = 10;

export const EMPTY_REPORT: ReportDraft = { kind: '', message: '', acuteDanger: false, name: '', age: '', place: '', work: '', channel: 'none', value: '', safeTimes: '', website: '' };

export const REPORT_FIELDS = ['kind', 'message', 'about.name', 'about.age', 'about.place', 'about.work', 'contact.channel', 'contact.value', 'contact.safeTimes'] as const;

export function toReportInput(draft: ReportDraft, language: string, proof: ProofOfWork): PublicReportInput {
  const about: NonNullable<PublicReportInput['about']> = {};
  if (draft.name.trim()) about.name = draft.name.trim();
  if (draft.age.trim()) about.age = Number(draft.age.trim());
  if (draft.place.trim()) about.place = draft.place.trim();
  if (draft.work.trim()) about.work = draft.work.trim();
  const input: PublicReportInput = {
    kind: draft.kind || 'tip',
    language,
    message: draft.message.trim(),
    acuteDanger: draft.acuteDanger,
    website: draft.website,
    ...proof,
  };
  if (Object.keys(about).length > 0) input.about = about;
  if (draft.channel !== 'none') {
    const contact: NonNullable<PublicReportInput['contact']> = { channel: draft.channel, value: draft.value.trim() };
    if (draft.safeTimes.trim()) contact.safeTimes = draft.safeTimes.trim();
    input.contact = contact;
  }
  return input;
}

/** "abcd efgh ijkl mnop" -> "ABCD-EFGH-IJKL-MNOP" (spaces, case and missing dashes forgiven). */
export function normaliseReferenceCode(value: string): string {
  const compact = value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return compact.length === 16 ? (compact.match(/.{4}/g) ?? []).join('-') : value.trim().toUpperCase();
}
