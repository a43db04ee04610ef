import type { Selectable } from 'kysely';
import type { OutreachImportsTable } from '../../db/tables/outreach-work.ts';
import type { ImportProblem } from './import-problems.ts';

export type ImportRow = Selectable<OutreachImportsTable> & { source_code: string | null; started_by_name: string | null };

export function presentImport(row: ImportRow) {
  return {
    id: row.id,
    channel: row.channel,
    source: row.source_code,
    fileName: row.file_name,
    status: row.status,
    totalBytes: Number(row.total_bytes),
    processedBytes: Number(row.processed_bytes),
    lines: row.lines,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    malformed: row.malformed,
    clustersTouched: row.clusters_touched,
    problems: (Array.isArray(row.problems) ? row.problems : []) as ImportProblem[],
    error: row.error,
    startedBy: row.started_by_name ?? row.started_by_label,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}
export type PresentedImport = ReturnType<typeof presentImport>;
