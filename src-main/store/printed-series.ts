/**
 * The series name an issue is shown under: the name it was printed under once signed (stored at
 * signing, migration 11), the series' current name before. One SQL expression for every query
 * that names an issue, so a renamed series never retitles its archive.
 */
export function printedSeriesName(issueAlias: string, seriesAlias: string): string {
  return `coalesce((SELECT n.name FROM issue_series_names n WHERE n.issue_id = ${issueAlias}.id), ${seriesAlias}.name)`;
}

/**
 * Whether the table exists yet: an older migration's step (migration 3 indexes every issue for
 * search) runs this code on a database that migration 11 has not reached.
 */
export function hasPrintedNames(db: { prepare: (sql: string) => { get: () => unknown } }): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'issue_series_names'").get() !== undefined;
}
