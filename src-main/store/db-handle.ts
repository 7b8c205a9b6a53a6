/**
 * The open database's type, on its own so that the modules db.ts itself uses (migrations, the
 * search index, prepared statements) can name it without importing db.ts back.
 */
import type Database from 'better-sqlite3';

export type DB = Database.Database;
