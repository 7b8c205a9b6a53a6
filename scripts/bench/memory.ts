/**
 * Main-process memory, defined as the resident memory (RSS) of a `bulletin web` process — the
 * same main-process code the desktop app runs — on a copy of the shared 100,000-item archive,
 * sampled every 20 ms while the bench drives it over its HTTP API through lists, searches,
 * Word downloads of issues, the year's scores and circular. The peak is the kernel's own high-water
 * mark (VmHWM), which sampling cannot miss.
 */
import fs from 'node:fs';
import path from 'node:path';
import { API_PREFIX, TOKEN_FRAGMENT, TOKEN_HEADER } from '../../src-main/api/transport';
import { archiveCopy, sharedArchive } from './archive';
import { goalLine } from './stats';
import { startWeb } from './ui';

function status(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

export async function benchMemory(dir: string, quick: boolean): Promise<string[]> {
  if (!fs.existsSync(path.join('dist', 'main', 'cli.cjs'))) return ['skipped: not built (run npm run build first)'];
  if (!fs.existsSync('/proc/self/status')) return ['skipped: no /proc to read a process’s memory from'];
  const built = sharedArchive(dir, quick);
  const db = archiveCopy(dir, quick, 'memory.db');
  const web = await startWeb(db);
  const url = new URL(web.url);
  const token = new URLSearchParams(url.hash.slice(1)).get(TOKEN_FRAGMENT) ?? '';
  const call = async (op: string, input: unknown) => {
    const res = await fetch(`${url.origin}${API_PREFIX}${op}`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token }, body: JSON.stringify(input) });
    const body = (await res.json()) as { ok: boolean; result?: unknown; error?: { message: string } };
    if (!body.ok) throw new Error(`${op}: ${body.error?.message}`);
    return body.result;
  };
  let peakSampled = 0;
  const timer = setInterval(() => {
    if (web.pid) peakSampled = Math.max(peakSampled, status(web.pid, 'VmRSS'));
  }, 20);
  const done: string[] = [];
  try {
    const years = [2026, 2025, 2024];
    for (const year of years) await call('issueList', { series: 1, year });
    done.push(`issue lists of ${years.length} years`);
    const words = built.vocabulary.words.slice(0, 40);
    for (const w of words) await call('search', { query: w, kinds: ['article'], limit: 50 });
    done.push(`${words.length} searches`);
    const last = ((await call('issueList', { series: 1, year: 2026 })) as { rows: { id: number }[] }).rows;
    for (const issue of last.slice(0, 20)) await call('issueDocx', { id: issue.id });
    done.push(`${Math.min(20, last.length)} issues as Word`);
    await call('scoreReport', { period: 'year', year: 2025 });
    await call('circularFiles', { period: 'year', year: 2025 });
    done.push('the year’s scores and circular');
    const hwm = web.pid ? status(web.pid, 'VmHWM') : NaN;
    return [
      `bulletin web on the ${built.items}-item archive, driven through ${done.join(', ')}; RSS sampled every 20 ms peaked at ${peakSampled.toFixed(0)} MB`,
      goalLine('main-process peak memory (bulletin web VmHWM)', hwm, '<=', 250, 'MB'),
    ];
  } finally {
    clearInterval(timer);
    await web.stop();
  }
}
