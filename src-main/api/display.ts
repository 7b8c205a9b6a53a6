/**
 * Times and file sizes as the app writes them for people (the CLI, the packet report, the
 * damaged-database dialog): the PC's local time, to the minute. Pure, like the rest of api/.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** 2026年11月21日 08:30 */
export function localTimeLabel(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The same from a stored ISO timestamp; a text that is not one is shown as it stands. */
export function localTimeText(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : localTimeLabel(d);
}

/** 2026-11-21 08:30: all digits, the same width every time. */
export function localTimeNumeric(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 120.6 KB, 2.9 MB */
export function sizeLabel(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A 送审稿's file name before its extension (issue 15): the series, the issue's date and 送审稿,
 * e.g. 城关县政务信息2026年12月5日送审稿 — what the office calls it, not the internal draft number.
 */
export function reviewCopyName(series: string, date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${series}${y}年${m}月${d}日送审稿`;
}
