/**
 * The packet's Word files open in LibreOffice: one issue file, one single item and 报送清单.docx
 * are converted to PDF in one soffice run (private profile, the fontconfig stand-ins for the
 * office fonts), and poppler reads their titles back. soffice is required, as for the layout tests.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers/db';
import { loEnv } from './helpers/lo-env';
import { county, run, type County } from './helpers/packet';

let c: County;
let dir = '';
const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');
const pdfText = async (name: string) => squash((await run('pdftotext', ['-layout', path.join(dir, 'pdf', `${name}.pdf`), '-'])).stdout);

beforeAll(async () => {
  for (const [cmd, args] of [['soffice', ['--version']], ['pdftotext', ['-v']]] as const) {
    const r = spawnSync(cmd, [...args], { encoding: 'utf8' });
    if (r.error) throw new Error(`${cmd} is required for this test (${r.error.message}); install libreoffice-writer-nogui and poppler-utils.`);
  }
  c = await county();
  const p = await c.t.call('packetExport', { issueIds: [c.issues[1]!], articleIds: [c.singles[0]!], out: c.out });
  dir = tempDir('packet-lo-');
  await run('unzip', ['-q', p.path, '-d', path.join(dir, 'files')]);
  const files = ['城关县政务信息2026年第2期.docx', '信息01_第5条信息标题.docx', '报送清单.docx'].map((f) => path.join(dir, 'files', f));
  for (const f of files) expect(fs.existsSync(f), f).toBe(true);
  const profile = pathToFileURL(path.join(dir, 'lo-profile')).href;
  await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, 'pdf'), ...files], {
    env: loEnv(),
    timeout: 400_000,
  });
}, 480_000);

afterAll(() => {
  c.t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the files of a packet in LibreOffice', () => {
  it('opens the archived issue file with its masthead and items', async () => {
    const text = await pdfText('城关县政务信息2026年第2期');
    expect(text).toContain('城关县政务信息');
    expect(text).toContain('第2期');
    expect(text).toContain('第3条信息标题');
    expect(text).toContain('第4条信息标题');
  });

  it('opens a single item with its title, source line and the sender at the foot', async () => {
    const text = await pdfText('信息01_第5条信息标题');
    expect(text).toContain('第5条信息标题');
    expect(text).toContain('（城关镇供稿）');
    expect(text).toContain('报送单位：城关县人民政府办公室');
    expect(text).toContain('联系人：王某某0000-1234567');
  });

  it('opens 报送清单 with its title, the sender and both tables', async () => {
    const text = await pdfText('报送清单');
    expect(text).toContain('政务信息报送清单');
    expect(text).toContain('报送单位：城关县人民政府办公室');
    expect(text).toContain('《城关县政务信息》2026年第2期');
    expect(text).toContain('第5条信息标题');
    expect(text).toContain('合计：1期、1条信息');
  });
});
