import type { Selectable } from 'kysely';
import type { OutreachSourcesTable } from '../../db/tables/outreach-work.ts';

type SourceRow = Selectable<OutreachSourcesTable> & { ads?: number | string | bigint | null; last_import_at?: Date | null };

export function presentSource(row: SourceRow) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    credential: row.token_hash ? { hint: row.token_hint ?? '' } : null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    ads: Number(row.ads ?? 0),
    lastImportAt: row.last_import_at?.toISOString() ?? null,
  };
}
export type PresentedSource = ReturnType<typeof presentSource>;
