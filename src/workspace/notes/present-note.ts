import type { Selectable } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { openText } from '../../cases/person.ts';
import type { CaseNotesTable } from '../../db/schema.ts';
import type { Keyring } from '../../crypto/keyring.ts';
import { presentActor, type Person } from '../people.ts';

export type NoteRow = Selectable<CaseNotesTable>;

/** A note as the viewer may see it: the body only for viewers who may read free text. */
export function presentNote(viewer: Actor, keyring: Keyring, row: NoteRow, people: Map<string, Person>, withBody: boolean) {
  return {
    id: row.id,
    caseId: row.case_id,
    visibility: row.visibility,
    body: withBody ? openText(keyring, 'case_notes', 'body_enc', row.id, row.body_enc) : null,
    author: row.author_user_id ? presentActor(viewer, people.get(row.author_user_id)) : null,
    mine: row.author_user_id !== null && row.author_user_id === viewer.userId,
    createdAt: row.created_at.toISOString(),
  };
}
export type PresentedNote = ReturnType<typeof presentNote>;
