/**
 * What a hand-made task asks for. A fixed list, stored as the task's title code `manual.<kind>`
 * (the title column is plain text, so it must never carry personal data; details go in the
 * encrypted note).
 */
export const TASK_KINDS = ['follow-up', 'contact-person', 'arrange-shelter', 'arrange-care', 'request-documents', 'prepare-decision', 'review-case', 'other'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const isTaskKind = (value: string): value is TaskKind => (TASK_KINDS as readonly string[]).includes(value);
export const manualTitleCode = (kind: TaskKind) => `manual.${kind}`;

export const TASK_NOTE_MAX_LENGTH = 2000;
/** A hand-made task is due at this local time of its due date, in the case profile's time zone. */
export const TASK_DUE_HOUR = 17;
