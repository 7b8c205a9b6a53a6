/**
 * File names the office's Windows PC accepts, for every file the desk writes (issues, packets,
 * circulars, year exports). Pure, so the packet builder and the services share it.
 */

/** Characters Windows refuses in a file name become full-width look-alikes or are dropped. */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[<>:"/\\|?*]/g, (c) => ({ '<': '＜', '>': '＞', ':': '：', '"': '＂', '/': '／', '\\': '＼', '|': '｜', '?': '？', '*': '＊' })[c]!)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f]/g, '')
    .replace(/[. ]+$/, '')
    .trim();
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned);
  return (reserved ? `_${cleaned}` : cleaned).slice(0, 120) || '未命名';
}
