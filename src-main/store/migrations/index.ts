/**
 * Numbered migrations. Entry N brings a database from user_version N-1 to N, in one
 * transaction. Append only: a released migration is never edited.
 */
import * as m001 from './001-initial';
import * as m002 from './002-print-and-archive';
import * as m003 from './003-intake-and-search';
import * as m004 from './004-packets';
import * as m005 from './005-scoring';
import * as m006 from './006-intake-extra';
import * as m007 from './007-series-level-and-printed-name';
import * as m008 from './008-unit-names';
import * as m009 from './009-seal-and-identity';
import * as m010 from './010-score-rules';
import * as m011 from './011-audit-log';
import * as m012 from './012-list-indexes';
import * as m013 from './013-proofreading';
// commission notices and instruction follow-up (issue 16, branch dash)
import * as m014 from './014-followup';
// issue 16 parts 4–5: liaison officers and urgent events
import * as m015 from './015-liaison-and-urgent';
// issue 17: the loop with the city office
import * as m016 from './016-packet-loop';
// issue 16's records in search (branch search16)
import * as m017 from './017-search-followup';
import { indexExistingRecords } from '../search-queue';
// issue 19: pictures kept with drafts
import * as m018 from './018-draft-pictures';
// issue 15: a draft's category (来稿的分类)
import * as m019 from './019-draft-category';
import * as m020 from './020-unplaced-articles';
import * as m021 from './021-search-bi-even';
import { reindexAll } from '../search-index';
import { makeIdentity, sealExistingArchive } from '../seal';
import type { DB } from '../db-handle';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** A step SQL cannot do (e.g. tokenizing existing text), run in the same transaction. */
  after?: (db: DB) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: m001.sql },
  { version: 2, name: 'print settings and archive', sql: m002.sql },
  { version: 3, name: 'intake register and search index', sql: m003.sql, after: reindexAll },
  { version: 4, name: 'settings and packet register', sql: m004.sql },
  { version: 5, name: 'assessment: adoptions, instructions, commissions, rules', sql: m005.sql },
  { version: 6, name: 'intake duplicate-check and list indexes', sql: m006.sql },
  // Named 011 for issue 12's plan; it takes the next free version (renumbered at merge).
  { version: 7, name: 'series classification level and printed series names', sql: m007.sql },
  { version: 8, name: 'unit short names and aliases', sql: m008.sql },
  {
    version: 9,
    name: 'sealed archive, REPLACE/DELETE-proof freeze, database identity',
    sql: m009.sql,
    after: (db) => {
      makeIdentity(db);
      sealExistingArchive(db);
    },
  },
  { version: 10, name: 'scoring per series: score rule and brief mark', sql: m010.sql },
  { version: 11, name: 'audit log and issue workflow operators', sql: m011.sql },
  { version: 12, name: 'indexes for the paged lists', sql: m012.sql },
  { version: 13, name: 'proofreading: wording list versions and ignored findings', sql: m013.sql },
  // commission notices and instruction follow-up (issue 16, branch dash)
  { version: 14, name: 'commission notices, drafts answering commissions, instruction follow-up', sql: m014.sql },
  // issue 16 parts 4–5: liaison officers and urgent events
  { version: 15, name: 'liaison officers and urgent events', sql: m015.sql },
  // issue 17: the loop with the city office
  { version: 16, name: 'packet loop: item UUIDs, received packets and items', sql: m016.sql },
  // issue 16's records in search (branch search16)
  { version: 17, name: 'commissions, instructions, liaison officers and urgent events in search', sql: m017.sql, after: indexExistingRecords },
  // issue 19: pictures kept with drafts
  { version: 18, name: 'draft pictures and the series setting to print them', sql: m018.sql },
  // issue 15: a draft's category
  { version: 19, name: 'draft category', sql: m019.sql, after: m019.guessExisting },
  // issue 14: the composer's unused items without a walk of the archive
  { version: 20, name: 'items in no live issue, kept by triggers', sql: m020.sql },
  // issue 14: the search index rebuilt on two cores
  { version: 21, name: 'the bigram index in two halves (odd and even rowids)', sql: m021.sql },
];

/** The last entry's version (not the count: a version may be numbered ahead of a sibling branch's). */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
