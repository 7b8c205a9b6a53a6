/**
 * First start: whether the office still needs setting up, the wizard's answers kept between
 * visits, and the one transaction that writes them all — the sender, the first series with
 * the number it continues from and how it prints, the units, and a sample draft issue.
 */
import { ApiError } from '../api/errors';
import { contract, type OpArgs } from '../api/contract';
import { setupDraft, type SetupDraft, type SetupResult, type SetupState } from '../api/ops/setup';
import { writeTx } from '../store/db';
import { localDate, type Ctx } from './context';
import { addArticle } from './articles';
import { addArticlesToIssue, createIssue } from './issues';
import { addSeries, updateSeries } from './series';
import { readSender, setSettings } from './settings';
import { applyUnitRows } from './unit-import';
import { parseUnitText, problemsMessage } from './unit-sheet';

const DRAFT_KEY = 'setupDraft';

function readDraft(ctx: Ctx): SetupDraft | null {
  const row = ctx.db.prepare('SELECT value FROM settings WHERE key = ?').get(DRAFT_KEY) as { value: string } | undefined;
  if (!row) return null;
  // A draft from another version that no longer fits is dropped, not shown half-right.
  const stored = JSON.parse(row.value) as unknown;
  return setupDraft.safeParse(stored).success ? (stored as SetupDraft) : null;
}

export function setupState(ctx: Ctx): SetupState {
  const series = (ctx.db.prepare('SELECT count(*) AS n FROM series').get() as { n: number }).n;
  const units = (ctx.db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n;
  return { needed: series === 0, sender: readSender(ctx), units, draft: series === 0 ? readDraft(ctx) : null };
}

function assertNeeded(ctx: Ctx): void {
  const n = (ctx.db.prepare('SELECT count(*) AS n FROM series').get() as { n: number }).n;
  if (n > 0) throw new ApiError('INVALID_STATE', '首次设置已经完成（已有刊物）。以后的修改请在“设置”页中进行。');
}

/** Keeps what the wizard has so far, as the schema cleaned it (lists split, the mark as its text). */
export function saveSetupDraft(ctx: Ctx, args: OpArgs<'setupSave'>): SetupState {
  return writeTx(ctx.db, () => {
    assertNeeded(ctx);
    // The wizard maps the cleaned forms back onto its fields (components/setup/answers.ts).
    ctx.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(DRAFT_KEY, JSON.stringify(args.draft));
    return setupState(ctx);
  });
}

/** A sample item, plainly marked, in a draft issue: drafts take no number, so it costs nothing. */
const SAMPLE_TITLE = '（示例）城关镇“三个聚焦”推进老旧小区改造';
const SAMPLE_BODY = [
  '这是一条示例信息，用来熟悉编辑、组期、送审和签发的流程；正式使用前请删除本期和这条信息。',
  '今年以来，城关镇把老旧小区改造作为重要民生工程，累计投入资金1.52亿元，完成改造小区36个、惠及居民4826户。',
  '一、聚焦规划先行，改什么由群众定',
  '镇里组织社区干部、楼栋长和设计人员逐楼入户，梳理出加装电梯、管网更新、停车难等7类132项需求。',
  '二、聚焦长效管理，改好以后管得住',
  '改造完成的小区全部引入物业服务，建立“小区议事会”36个。',
].join('\n');

export function completeSetup(ctx: Ctx, args: OpArgs<'setupComplete'>): SetupResult {
  // Read before the transaction: a list with bad rows is refused before anything is written.
  const sheet = args.unitsText?.trim() ? parseUnitText(args.unitsText) : { rows: [], problems: [] };
  if (sheet.problems.length) throw new ApiError('INVALID_INPUT', problemsMessage(sheet.problems));
  return writeTx(ctx.db, () => {
    assertNeeded(ctx);
    setSettings(ctx, { sender: args.sender });
    const { print, ...numbering } = args.series;
    let series = addSeries(ctx, { ...numbering, org: args.sender.office });
    if (print) series = updateSeries(ctx, { series: series.id, print });
    const units = applyUnitRows(ctx, sheet.rows);
    let sampleIssueId: number | null = null;
    if (args.sample) {
      const article = addArticle(
        ctx,
        contract.articleAdd.input.parse({ title: SAMPLE_TITLE, body: SAMPLE_BODY, category: 'practice', ...(units.units[0] ? { unit: units.units[0].name } : {}) }),
      );
      const issue = createIssue(ctx, { series: series.id, date: localDate(ctx.now()) });
      addArticlesToIssue(ctx, { id: issue.id, articleIds: [article.id] });
      sampleIssueId = issue.id;
    }
    ctx.db.prepare('DELETE FROM settings WHERE key = ?').run(DRAFT_KEY);
    return { series, units, sampleIssueId };
  });
}
