/** The associated data that binds an encrypted column value to its table, column and row. */
export function columnAad(table: string, column: string, id: string): string {
  return `${table}.${column}:${id}`;
}
