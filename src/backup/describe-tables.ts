import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { ColumnInfo } from './backup-format.ts';

export type TableDescription = { name: string; columns: ColumnInfo[]; primaryKey: string[] };

// Kysely's own bookkeeping: a restore target gets these from migrating, not from the backup.
const EXCLUDED = ['kysely_migration', 'kysely_migration_lock'];

/**
 * Every table of the public schema, parents before children (foreign-key order), ties in creation
 * order. Discovered from the catalogue so that tables added by later migrations are included
 * without touching the backup code.
 */
export async function describeTables(db: Kysely<DB>): Promise<TableDescription[]> {
  const { rows: tables } = await sql<{ oid: number; name: string }>`
    select c.oid::int as oid, c.relname as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
       and c.relname not in (${sql.join(EXCLUDED)})
     order by c.oid`.execute(db);
  if (tables.length === 0) return [];
  const oids = sql.join(tables.map((t) => t.oid));
  const { rows: columns } = await sql<{ oid: number; name: string; type: string; generated: boolean; pk: number | null }>`
    select a.attrelid::int as oid, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
           a.attgenerated <> '' as generated, array_position(i.indkey::int2[], a.attnum) as pk
      from pg_attribute a
      left join pg_index i on i.indrelid = a.attrelid and i.indisprimary
     where a.attrelid in (${oids}) and a.attnum > 0 and not a.attisdropped
     order by a.attrelid, a.attnum`.execute(db);
  const { rows: edges } = await sql<{ child: number; parent: number }>`
    select conrelid::int as child, confrelid::int as parent
      from pg_constraint where contype = 'f' and conrelid in (${oids})`.execute(db);

  const described = new Map(
    tables.map((t) => {
      const cols = columns.filter((c) => c.oid === t.oid);
      const primaryKey = cols.filter((c) => c.pk !== null).sort((a, b) => a.pk! - b.pk!).map((c) => c.name);
      return [t.oid, { name: t.name, columns: cols.map(({ name, type, generated }) => ({ name, type, generated })), primaryKey }];
    }),
  );
  // Kahn's algorithm. Self-references are ignored (rows then go in key order); tables caught in a
  // reference cycle follow at the end in creation order, and a restore of them would need
  // deferrable constraints: no Baken table does this.
  const parents = new Map(tables.map((t) => [t.oid, new Set<number>()]));
  for (const e of edges) if (e.child !== e.parent && described.has(e.parent)) parents.get(e.child)!.add(e.parent);
  const order: number[] = [];
  const placed = new Set<number>();
  while (order.length < tables.length) {
    const next = tables.find((t) => !placed.has(t.oid) && [...parents.get(t.oid)!].every((p) => placed.has(p)));
    const pick = next ?? tables.find((t) => !placed.has(t.oid))!;
    order.push(pick.oid);
    placed.add(pick.oid);
  }
  return order.map((oid) => described.get(oid)!);
}
