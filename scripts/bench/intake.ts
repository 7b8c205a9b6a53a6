/**
 * Intake: importing drafts file by file (Word and GBK text), and the register's answers once it
 * holds a few years of drafts with their original files (the duplicate check scans them all).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { dispatch } from '../../src-main/wiring/dispatch';
import { DEMO_UNITS } from '../../src-main/demo/county';
import { createCtx } from '../../src-main/services/context';
import { bigrams, simhash } from '../../src-main/intake/fingerprint';
import { openDatabase } from '../../src-main/store/db';
import { MIN_SAMPLES, row, time } from './stats';

const TOPICS = ['秋冬种生产', '老旧小区改造', '防汛备汛', '营商环境', '乡村振兴', '安全生产', '招商引资', '养老服务', '人居环境整治', '就业创业'];
const MOVES = ['强化组织领导', '压实工作责任', '突出问题导向', '创新工作机制', '加强要素保障', '注重宣传引导', '完善长效机制', '深化督查问效'];

/** A draft that differs from its neighbours in more than its figures: seeded, so runs compare. */
function draftText(i: number): string[] {
  const rnd = crypto.createHash('sha256').update(String(i)).digest();
  const unit = DEMO_UNITS[i % DEMO_UNITS.length]!;
  const topic = TOPICS[rnd[0]! % TOPICS.length]!;
  const pick = (k: number) => MOVES[rnd[k]! % MOVES.length]!;
  return [
    `${unit}${pick(1)} 推动${topic}取得新进展（${i}）`,
    `今年以来，${unit}坚持${pick(2)}，在${topic}上投入资金${rnd[3]! / 10}亿元，覆盖${rnd[4]}个村（社区），惠及群众${rnd[5]! * 37}户。`,
    `一、${pick(6)}`,
    `（一）${pick(7)}。建立“${pick(8)}”工作台账${rnd[9]}本，梳理问题${rnd[10]}个、已整改${rnd[11]}个，编号${crypto.randomUUID().slice(0, 8)}。`,
    `（二）${pick(12)}。组织专题调度${rnd[13]! % 20}次，召开现场推进会${rnd[14]! % 9}次，形成经验做法${rnd[15]! % 7}条。`,
    `二、下一步打算`,
    `下一步，${unit}将聚焦${topic}中的${pick(16)}和${pick(17)}，确保年度目标任务全面完成。`,
  ];
}

/** The i-th seeded draft as a Word file (the window's benchmark imports these too). */
export const draftDocx = (i: number): Promise<Buffer> => docx(draftText(i));

async function docx(lines: string[]): Promise<Buffer> {
  const [title, ...body] = lines;
  const doc = new Document({ sections: [{ children: [new Paragraph({ text: title!, heading: HeadingLevel.TITLE }), ...body.map((t) => new Paragraph({ text: t }))] }] });
  return Packer.toBuffer(doc);
}

/** GBK bytes from the platform's decoder, inverted (Node has no GBK encoder). */
function gbkEncoder(): (s: string) => Buffer {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gbk', { fatal: true });
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      try {
        const ch = dec.decode(new Uint8Array([a, b]));
        if (!table.has(ch)) table.set(ch, [a, b]);
      } catch {
        // not a GBK code
      }
    }
  }
  return (s) => Buffer.from([...s].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f]))));
}

export async function benchIntake(dir: string, quick: boolean): Promise<string[]> {
  const db = openDatabase(path.join(dir, 'intake.db'));
  const ctx = createCtx(db);
  const call = (name: string, input: unknown) => dispatch(ctx, name, input);
  for (const name of DEMO_UNITS) await call('unitAdd', { name });
  const usb = path.join(dir, 'intake-usb');
  fs.mkdirSync(usb);
  const files = quick ? 40 : 200;
  const gbk = gbkEncoder();
  const docxPaths: string[] = [];
  const txtPaths: string[] = [];
  for (let i = 0; i < files; i++) {
    const lines = draftText(i);
    const unit = DEMO_UNITS[i % DEMO_UNITS.length]!;
    const p = path.join(usb, `${unit}-来稿${i}.docx`);
    fs.writeFileSync(p, await docx(lines));
    docxPaths.push(p);
    const t = path.join(usb, `${unit}-来稿${i}（文本）.txt`);
    fs.writeFileSync(t, gbk(draftText(files + i).join('\r\n')));
    txtPaths.push(t);
  }
  const scan = await time(MIN_SAMPLES, () => call('submissionScan', { folder: usb }));
  const importDocx = await time(files, (i) => call('submissionImport', { path: docxPaths[i] }));
  const importTxt = await time(files, (i) => call('submissionImport', { path: txtPaths[i] }));

  // A few years' register: drafts whose originals are ~60 KB each, stored in their rows. Written
  // straight into the table in one transaction: the duplicate check is what is measured below,
  // not here (the search index is left out too; it plays no part in these answers).
  const years = quick ? 1_000 : Number(process.env.YEARS ?? 10_000);
  const original = crypto.randomBytes(60 * 1024);
  const t0 = performance.now();
  const insert = db.prepare(
    `INSERT INTO submissions (unit_id, received_date, title, paragraphs, original_name, original_format, original_file, original_sha256,
       fingerprint, state, state_reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'docx', ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < years; i++) {
      const [title, ...body] = draftText(10_000 + i);
      const paragraphs = body.map((text) => ({ level: 0 as const, text }));
      const bytes = Buffer.concat([original, Buffer.from(String(i))]);
      const date = `20${23 + Math.floor((i * 3) / years)}-${String((i % 12) + 1).padStart(2, '0')}-15`;
      insert.run((i % DEMO_UNITS.length) + 1, date, title, JSON.stringify(paragraphs), `稿${i}.docx`, bytes, crypto.createHash('sha256').update(bytes).digest('hex'),
        simhash(bigrams(title!, paragraphs)), i % 7 === 0 ? 'unused' : 'received', i % 7 === 0 ? '时效已过' : null, new Date().toISOString(), new Date().toISOString());
    }
  })();
  const fill = performance.now() - t0;
  const extra: string[] = [];
  for (let i = 0; i < MIN_SAMPLES; i++) {
    const p = path.join(usb, `城关镇-新来稿${i}.docx`);
    fs.writeFileSync(p, await docx(draftText(100_000 + i)));
    extra.push(p);
  }
  const importBig = await time(extra.length, (i) => call('submissionImport', { path: extra[i] }));
  const list = await time(MIN_SAMPLES, () => call('submissionList', { limit: 200 }));
  const listState = await time(MIN_SAMPLES, () => call('submissionList', { state: 'unused', limit: 200 }));
  // None is used: the filter reads every row's state, which sits behind its original file.
  const listRare = await time(MIN_SAMPLES, () => call('submissionList', { state: 'used', limit: 200 }));
  const size = fs.statSync(path.join(dir, 'intake.db')).size / 1024 / 1024;
  db.close();
  const n = files + files + years + extra.length;
  return [
    row(`scan a folder of ${files * 2} files`, scan),
    row('import one .docx (read, check, register)', importDocx),
    row('import one GBK .txt', importTxt),
    `(register filled with ${years} drafts of ~60 KB in ${(fill / 1000).toFixed(1)} s; database ${size.toFixed(0)} MB, ${n} drafts)`,
    row(`import one .docx into ${n - extra.length} drafts`, importBig),
    row('list the register (200 newest)', list),
    row('list the register by state (unused, 1 in 7)', listState),
    row('list the register by state (used, none)', listRare),
  ];
}
