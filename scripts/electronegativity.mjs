// `npm run security`: @doyensec/electronegativity over the Electron shell (src-main/electron) and
// the page it loads (src-renderer/index.html, for its CSP). Fails on any HIGH or MEDIUM finding
// that src-main/electron/electronegativity-accepted.json does not list with a justification.
// Lower findings and accepted ones are printed, so the whole list stays visible.
// Writes the tool's CSV to test-output/electronegativity.csv.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const project = path.join(import.meta.dirname, '..');
// --root DIR checks another copy of the sources (the test checks that a weakened shell fails).
const rootArg = process.argv.indexOf('--root');
const root = rootArg > 0 ? path.resolve(process.argv[rootArg + 1]) : project;
const acceptedFile = path.join(root, 'src-main', 'electron', 'electronegativity-accepted.json');
const outDir = path.join(root, 'test-output');
const csvOut = path.join(outDir, 'electronegativity.csv');
const FAILING = new Set(['HIGH', 'MEDIUM']);

/** RFC 4180 fields: quoted ones may hold commas, quotes ("") and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field.trim());
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field.trim());
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field.trim());
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

// The tool reads a folder: the shell's sources, and the page with its CSP meta tag.
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-eneg-'));
try {
  fs.mkdirSync(path.join(stage, 'electron'));
  for (const f of fs.readdirSync(path.join(root, 'src-main', 'electron'))) {
    if (/\.(ts|js|cjs|mjs)$/.test(f)) fs.copyFileSync(path.join(root, 'src-main', 'electron', f), path.join(stage, 'electron', f));
  }
  fs.mkdirSync(path.join(stage, 'renderer'));
  fs.copyFileSync(path.join(root, 'src-renderer', 'index.html'), path.join(stage, 'renderer', 'index.html'));

  const electronVersion = JSON.parse(fs.readFileSync(path.join(project, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const csv = path.join(stage, 'findings.csv');
  const bin = path.join(project, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
  const run = spawnSync(process.execPath, [bin, '-i', stage, '-o', csv, '-r', '-e', electronVersion], { encoding: 'utf8', cwd: stage });
  if (!fs.existsSync(csv)) {
    console.error(`electronegativity did not run (exit ${run.status}):\n${run.stderr}\n${run.stdout}`);
    process.exit(1);
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.copyFileSync(csv, csvOut);

  const [header, ...rows] = parseCsv(fs.readFileSync(csv, 'utf8'));
  const col = (name) => header.findIndex((h) => h.toLowerCase() === name);
  const findings = rows.map((r) => ({
    check: r[col('issue')],
    severity: r[col('severity')],
    confidence: r[col('confidence')],
    file: r[col('filename')].replace(/\\/g, '/'),
    location: r[col('location')],
    sample: r[col('sample')],
    description: r[col('description')],
  }));
  const accepted = JSON.parse(fs.readFileSync(acceptedFile, 'utf8')).accepted;
  const justification = (f) => accepted.find((a) => a.check === f.check && (a.file === '*' || a.file === f.file))?.reason;

  let failing = 0;
  console.log(`electronegativity (Electron ${electronVersion}) — ${findings.length} finding(s):`);
  for (const f of findings) {
    const why = justification(f);
    const fails = FAILING.has(f.severity) && !why;
    if (fails) failing++;
    const mark = fails ? 'FAIL    ' : why ? 'accepted' : 'info    ';
    console.log(`  ${mark} ${f.severity.padEnd(11)} ${f.check} ${f.file}:${f.location} — ${f.description}`);
    if (why) console.log(`           why: ${why}`);
    if (fails) console.log(`           at:  ${f.sample}`);
  }
  for (const a of accepted) {
    if (!findings.some((f) => f.check === a.check && (a.file === '*' || a.file === f.file))) {
      console.log(`  note: the accepted ${a.check} (${a.file}) was not found any more; remove it from ${path.relative(root, acceptedFile)}.`);
    }
  }
  console.log(`CSV: ${path.relative(root, csvOut)}`);
  if (failing > 0) {
    console.error(`${failing} HIGH/MEDIUM finding(s) without a justification: fix them, or justify each in ${path.relative(root, acceptedFile)}.`);
    process.exit(1);
  }
  console.log('No HIGH or MEDIUM finding left unexplained.');
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
