/**
 * A series' print settings: the defaults of docs/layout.md, overridden field by field by what the
 * user set. Only the overrides are stored, so a renamed series keeps a masthead that follows it.
 */
import type { PrintSettings } from '../api/types';

export type PrintOverrides = Partial<Omit<PrintSettings, 'org' | 'distribution'>> & {
  distribution?: Partial<PrintSettings['distribution']>;
};

export function effectivePrintSettings(series: { name: string; org: string }, storedJson: string): PrintSettings {
  const o = JSON.parse(storedJson) as PrintOverrides;
  return {
    mastheadName: o.mastheadName || series.name,
    org: series.org,
    sensitivityMark: o.sensitivityMark ?? '',
    showTotal: o.showTotal ?? true,
    dateStyle: o.dateStyle ?? 'arabic',
    contentsHeading: o.contentsHeading ?? '本期要目',
    newPagePerItem: o.newPagePerItem ?? false,
    distribution: { to: o.distribution?.to ?? [], cc: o.distribution?.cc ?? [], down: o.distribution?.down ?? [] },
    reviewer: o.reviewer ?? '',
    editor: o.editor ?? '',
    copies: o.copies ?? 0,
    // A key of the JSON object migration 2 created: absent in older databases, so on by default.
    chineseQuotes: o.chineseQuotes ?? true,
  };
}

export function mergeOverrides(storedJson: string, patch: PrintOverrides): string {
  const o = JSON.parse(storedJson) as PrintOverrides;
  const merged: PrintOverrides = { ...o, ...patch, distribution: { ...o.distribution, ...patch.distribution } };
  return JSON.stringify(merged);
}
