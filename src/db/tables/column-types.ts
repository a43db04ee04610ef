import type { ColumnType } from 'kysely';

/** Column types shared by the table files. Dates are read as 'YYYY-MM-DD' strings (see db/database.ts). */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json = ColumnType<unknown, string, string>;
/** A calendar day as 'YYYY-MM-DD'. */
export type Day = string;
