#!/usr/bin/env node
/**
 * Pictures of printed issues, to look at as an office would: the demo issue and a dozen issues of
 * the layout corpus (test/helpers/layout-corpus.ts) rendered to Word, converted by LibreOffice
 * with the project's fontconfig, one PNG per page, into layout-shots/ (git-ignored).
 *
 *   node scripts/layout-shots.mjs [--count 12] [--seed 20261121] [--out layout-shots]
 *
 * Needs soffice and pdftoppm. Open the PNGs in any image viewer: issue-N-01.png, issue-N-02.png …
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { count: { type: 'string', default: '12' }, seed: { type: 'string', default: '20261121' }, out: { type: 'string', default: 'layout-shots' } } });
const out = path.resolve(values.out);
mkdirSync(out, { recursive: true });

const entry = path.join('node_modules', '.cache', 'bulletin-shots', 'entry.ts');
const bundle = path.join('node_modules', '.cache', 'bulletin-shots', 'shots.mjs');
mkdirSync(path.dirname(entry), { recursive: true });
writeFileSync(
  entry,
  `import { writeFileSync } from 'node:fs';
import { runDemo } from '../../../src-main/demo/run';
import { renderIssueDocx } from '../../../src-main/export/docx-issue';
import { layoutIssue } from '../../../src-main/export/pagination';
import { corpus } from '../../../test/helpers/layout-corpus';
const [out, seed, count] = process.argv.slice(2);
const demo = await runDemo(out + '/demo');
const issues = corpus(Number(seed), Number(count));
for (let i = 0; i < issues.length; i++) {
  const model = issues[i].model;
  writeFileSync(out + '/issue-' + i + '.docx', await renderIssueDocx(model));
  console.log('issue-' + i + ': ' + layoutIssue(model).pageCount + ' pages by the model');
}
console.log('demo: ' + demo.docx);
`,
);
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile: bundle, logLevel: 'warning' });
const gen = spawnSync(process.execPath, [bundle, out, values.seed, values.count], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
if (gen.status !== 0) process.exit(gen.status ?? 1);
process.stdout.write(gen.stdout);
const demoDocx = /demo: (.*)/.exec(gen.stdout)?.[1];
const docs = readdirSync(out).filter((f) => f.endsWith('.docx')).map((f) => path.join(out, f));
if (demoDocx) docs.push(demoDocx);
const env = { ...process.env, FONTCONFIG_FILE: path.resolve('assets/fontconfig/fonts.conf') };
const profile = `file://${path.join(out, '.lo-profile')}`;
const lo = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, ...docs], { env, stdio: 'ignore' });
if (lo.status !== 0) throw new Error('soffice failed: is LibreOffice installed?');
for (const pdf of readdirSync(out).filter((f) => f.endsWith('.pdf'))) {
  const base = path.join(out, pdf.replace(/\.pdf$/, ''));
  spawnSync('pdftoppm', ['-png', '-r', '40', path.join(out, pdf), base], { stdio: 'inherit' });
}
console.log(`PNGs in ${out}`);
