// `npm run security`: @doyensec/electronegativity over the Electron shell (src-main/electron) and
// the page it loads (src-renderer/index.html, for its CSP). Fails on any HIGH or MEDIUM finding
// that src-main/electron/electronegativity-accepted.json does not list with a justification.
// Lower findings and accepted ones are printed, so the whole list stays visible.
// Calls the tool's programmatic API (its CLI writes its CSV with two racing writes, which a busy
// machine garbles) and writes the findings as JSON to test-output/electronegativity.json.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const project = path.join(import.meta.dirname, '..');
// --root DIR checks another copy of the sources (the test checks that a weakened shell fails).
const rootArg = process.argv.indexOf('--root');
const root = rootArg > 0 ? path.resolve(process.argv[rootArg + 1]) : project;
const acceptedFile = path.join(root, 'src-main', 'electron', 'electronegativity-accepted.json');
const outDir = path.join(root, 'test-output');
const jsonOut = path.join(outDir, 'electronegativity.json');
const FAILING = new Set(['HIGH', 'MEDIUM']);

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
  const require = createRequire(import.meta.url);
  const run = require(path.join(project, 'node_modules', '@doyensec', 'electronegativity'));
  // AvailableSecurityFixesGlobalCheck downloads Electron's release list: this machine and the
  // office PC are offline. The Electron version is chosen when packaging (see README).
  const result = await run(
    { input: stage, isRelative: true, isVerbose: false, customScan: [], excludeFromScan: ['availablesecurityfixesglobalcheck'], parserPlugins: [], electronVersionOverride: electronVersion },
    false,
  );
  if (!result || !Array.isArray(result.issues)) {
    console.error('electronegativity did not run.');
    process.exit(1);
  }
  if (result.errors?.length) console.log(`  note: the tool could not parse ${result.errors.length} file(s): ${result.errors.map((e) => e.file).join(', ')}`);
  const findings = result.issues.map((i) => ({
    check: i.id,
    severity: i.severity.name,
    confidence: i.confidence.name,
    file: path.relative(stage, path.resolve(stage, i.file)).replace(/\\/g, '/'),
    location: `${i.location.line}:${i.location.column}`,
    sample: i.sample,
    description: i.description,
  }));
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(jsonOut, JSON.stringify(findings, null, 2));
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
  console.log(`Findings: ${path.relative(root, jsonOut)}`);
  if (failing > 0) {
    console.error(`${failing} HIGH/MEDIUM finding(s) without a justification: fix them, or justify each in ${path.relative(root, acceptedFile)}.`);
    process.exit(1);
  }
  console.log('No HIGH or MEDIUM finding left unexplained.');
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
