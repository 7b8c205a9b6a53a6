/**
 * The 稿酬 ledger as an Excel workbook for payment: one sheet per person's total (姓名, 单位,
 * 条数, 金额, a blank 签收 column), one with every adopted item and its fee.
 */
import { writeXlsx, type SheetRow } from '../export/xlsx-write';
import type { FeeLedger } from '../api/ops/liaisons';

const bold = { bold: true, align: 'header' as const };

export function renderFeeXlsx(ledger: FeeLedger, now: Date): Buffer {
  const people: SheetRow[] = [
    { values: ['序号', '姓名', '单位', '采用条数', '稿酬（元）', '签收'], style: bold },
    ...ledger.people.map((p, i): SheetRow => ({ values: [i + 1, p.name, p.unit, p.items, p.fee, ''] })),
    { values: ['合计', '', '', ledger.rows.length, ledger.total, ''], style: { bold: true } },
  ];
  const items: SheetRow[] = [
    { values: ['姓名', '单位', '信息编号', '标题', '采用日期', '采用刊物', '类别', '稿酬（元）', '规则版本'], style: bold },
    ...ledger.rows.map((r): SheetRow => ({ values: [r.name, r.unit, r.articleId, r.title, r.date, r.publication, r.rule, r.fee, `${r.rulesFrom}起`] })),
  ];
  return writeXlsx({
    creator: '政务信息编印台',
    title: `${ledger.label}信息员稿酬发放表`,
    created: now,
    sheets: [
      {
        name: '稿酬发放表',
        columns: [{ width: 6 }, { width: 12 }, { width: 24 }, { width: 10 }, { width: 12 }, { width: 14 }],
        rows: people,
        frozenHeader: true,
      },
      {
        name: '采用明细',
        columns: [{ width: 12 }, { width: 24 }, { width: 10 }, { width: 48 }, { width: 12 }, { width: 24 }, { width: 16 }, { width: 12 }, { width: 14 }],
        rows: items,
        frozenHeader: true,
        autoFilterRows: items.length,
      },
    ],
  });
}
