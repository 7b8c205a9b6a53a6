/**
 * The series name an issue is shown under: the name it was printed under once signed (stored at
 * signing, migration 11), the series' current name before. One SQL expression for every query
 * that names an issue, so a renamed series never retitles its archive.
 */
export function printedSeriesName(issueAlias: string, seriesAlias: string): string {
  return `coalesce((SELECT n.name FROM issue_series_names n WHERE n.issue_id = ${issueAlias}.id), ${seriesAlias}.name)`;
}
