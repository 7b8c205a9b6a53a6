/**
 * Numbered migrations. Entry N brings a database from user_version N-1 to N, in one
 * transaction. Append only: a released migration is never edited.
 */
import * as m001 from './001-initial';
import * as m002 from './002-print-and-archive';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: m001.sql },
  { version: 2, name: 'print settings and archive', sql: m002.sql },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
