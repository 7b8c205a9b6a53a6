/**
 * Version 18: the records of issue 16 in the search index — commissions (约稿), leader
 * instructions (批示), liaison officers (信息员) and urgent events (紧急信息).
 *
 * - search_docs takes the four new kinds (its CHECK is widened by copying the table; the ids,
 *   which are the FTS rowids, are kept).
 * - search_queue: the triggers below name every record whose searchable text may have changed,
 *   whichever table and whichever code path changed it (a note, a feedback, a unit renamed, a
 *   cascade). The text needs the JavaScript tokenizer, so the queue is emptied by `writeTx` at
 *   the end of the same transaction (store/search-queue.ts): a committed write leaves it empty.
 */
const ENQUEUE = (kind: string, id: string) => `INSERT OR IGNORE INTO search_queue (kind, ref_id) VALUES ('${kind}', ${id});`;

/** AFTER INSERT, UPDATE and DELETE triggers on `table`, each naming the record `id` points to. */
function watch(table: string, kind: string, id: (row: 'NEW' | 'OLD') => string, events: readonly ('INSERT' | 'UPDATE' | 'DELETE')[] = ['INSERT', 'UPDATE', 'DELETE']): string {
  return events
    .map((ev) => {
      const row = ev === 'DELETE' ? 'OLD' : 'NEW';
      return `CREATE TRIGGER search_queue_${table}_${ev.toLowerCase()} AFTER ${ev} ON ${table}
BEGIN
  ${ENQUEUE(kind, id(row))}
END;`;
    })
    .join('\n');
}

/** Every record whose text carries the unit's names. */
const UNIT_RECORDS = (unit: string) => `
  INSERT OR IGNORE INTO search_queue (kind, ref_id) SELECT 'commission', commission_id FROM commission_units WHERE unit_id = ${unit};
  INSERT OR IGNORE INTO search_queue (kind, ref_id) SELECT 'instruction', instruction_id FROM instruction_followups WHERE unit_id = ${unit};
  INSERT OR IGNORE INTO search_queue (kind, ref_id) SELECT 'liaison', id FROM liaisons WHERE unit_id = ${unit};
  INSERT OR IGNORE INTO search_queue (kind, ref_id) SELECT 'urgent', id FROM urgent_events WHERE unit_id = ${unit};`;

export const SEARCH_RECORD_KINDS = ['commission', 'instruction', 'liaison', 'urgent'] as const;
const KINDS = SEARCH_RECORD_KINDS.map((k) => `'${k}'`).join(', ');

export const sql = /* sql */ `
CREATE TABLE search_docs_18 (
  id     INTEGER PRIMARY KEY,
  kind   TEXT    NOT NULL CHECK (kind IN ('article', 'submission', 'issue', ${KINDS})),
  ref_id INTEGER NOT NULL,
  UNIQUE (kind, ref_id)
);
INSERT INTO search_docs_18 (id, kind, ref_id) SELECT id, kind, ref_id FROM search_docs;
DROP TABLE search_docs;
ALTER TABLE search_docs_18 RENAME TO search_docs;

CREATE TABLE search_queue (
  kind   TEXT    NOT NULL CHECK (kind IN (${KINDS})),
  ref_id INTEGER NOT NULL,
  PRIMARY KEY (kind, ref_id)
) WITHOUT ROWID;

${watch('commissions', 'commission', (r) => `${r}.id`)}
${watch('commission_units', 'commission', (r) => `${r}.commission_id`)}
${watch('commission_notices', 'commission', (r) => `${r}.commission_id`)}
${watch('instructions', 'instruction', (r) => `${r}.id`)}
${watch('instruction_followups', 'instruction', (r) => `${r}.instruction_id`)}
${watch('instruction_notes', 'instruction', (r) => `${r}.instruction_id`)}
${watch('liaisons', 'liaison', (r) => `${r}.id`)}
${watch('urgent_events', 'urgent', (r) => `${r}.id`)}
${watch('urgent_reports', 'urgent', (r) => `${r}.event_id`)}

-- A unit's full or short name is part of its records' text (unit_names follows units.name).
CREATE TRIGGER search_queue_unit_names_insert AFTER INSERT ON unit_names WHEN NEW.kind IN ('name', 'short')
BEGIN ${UNIT_RECORDS('NEW.unit_id')}
END;
CREATE TRIGGER search_queue_unit_names_update AFTER UPDATE ON unit_names WHEN NEW.kind IN ('name', 'short') OR OLD.kind IN ('name', 'short')
BEGIN ${UNIT_RECORDS('NEW.unit_id')}
END;
CREATE TRIGGER search_queue_unit_names_delete AFTER DELETE ON unit_names WHEN OLD.kind IN ('name', 'short')
BEGIN ${UNIT_RECORDS('OLD.unit_id')}
END;
`;
