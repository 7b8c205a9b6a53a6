/**
 * A series' settings and how it prints (masthead, colophon, print run). Only what the user
 * changed is sent, so untouched fields keep following their defaults (e.g. the masthead
 * follows the series name until it is set on its own).
 */
import { Divider, Group, Modal, NumberInput, ScrollArea, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { OpInput } from '../../../src-main/api/contract';
import { CLASSIFICATION_LABELS, CLASSIFICATIONS, type Classification } from '../../../src-main/api/schemas';
import type { PrintSettings, Series } from '../../../src-main/api/types';
import { useApi } from '../../api/context';
import { notifyOk } from '../../api/notify';
import { useSubmit } from '../../hooks/useSubmit';
import { DialogFooter } from '../common/DialogFooter';
import { ADOPTION_KIND_LABELS, DEFAULT_RULES, SERIES_SCORE_RULES } from '../../../src-main/scoring/rules';

const INTERNAL_MARK = '内部资料 注意保存';

type MarkMode = 'none' | 'internal' | 'custom';

interface Form {
  name: string;
  org: string;
  firstNumber: number | string;
  firstTotal: number | string;
  continuous: boolean;
  maxClassification: Classification;
  scoreRule: Series['scoreRule'];
  mastheadName: string;
  markMode: MarkMode;
  markText: string;
  showTotal: boolean;
  dateStyle: PrintSettings['dateStyle'];
  contentsHeading: PrintSettings['contentsHeading'];
  newPagePerItem: boolean;
  chineseQuotes: boolean;
  to: string;
  cc: string;
  down: string;
  reviewer: string;
  editor: string;
  copies: number | string;
}

const lines = (list: string[]) => list.join('\n');
const names = (text: string) =>
  text
    .split(/[\n,，;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);

function formOf(s: Series): Form {
  const p = s.print;
  const markMode: MarkMode = p.sensitivityMark === '' ? 'none' : p.sensitivityMark === INTERNAL_MARK ? 'internal' : 'custom';
  return {
    name: s.name,
    org: s.org,
    firstNumber: s.firstNumber,
    firstTotal: s.firstTotal,
    continuous: s.continuous,
    maxClassification: s.maxClassification,
    scoreRule: s.scoreRule,
    mastheadName: p.mastheadName,
    markMode,
    markText: markMode === 'custom' ? p.sensitivityMark : '',
    showTotal: p.showTotal,
    dateStyle: p.dateStyle,
    contentsHeading: p.contentsHeading,
    newPagePerItem: p.newPagePerItem,
    chineseQuotes: p.chineseQuotes,
    to: lines(p.distribution.to),
    cc: lines(p.distribution.cc),
    down: lines(p.distribution.down),
    reviewer: p.reviewer,
    editor: p.editor,
    copies: p.copies,
  };
}

function patchOf(s: Series, f: Form): OpInput<'seriesUpdate'> {
  const o = formOf(s);
  const patch: OpInput<'seriesUpdate'> = { series: s.id };
  const print: NonNullable<OpInput<'seriesUpdate'>['print']> = {};
  if (f.name !== o.name) patch.name = f.name;
  if (f.org !== o.org) patch.org = f.org;
  if (Number(f.firstNumber) !== Number(o.firstNumber)) patch.firstNumber = Number(f.firstNumber);
  if (Number(f.firstTotal) !== Number(o.firstTotal)) patch.firstTotal = Number(f.firstTotal);
  if (f.continuous !== o.continuous) patch.continuous = f.continuous;
  if (f.maxClassification !== o.maxClassification) patch.maxClassification = f.maxClassification;
  if (f.scoreRule !== o.scoreRule) patch.scoreRule = f.scoreRule;
  if (f.mastheadName !== o.mastheadName) print.mastheadName = f.mastheadName;
  if (f.markMode !== o.markMode || f.markText !== o.markText) print.sensitivityMark = f.markMode === 'custom' ? f.markText : f.markMode;
  if (f.showTotal !== o.showTotal) print.showTotal = f.showTotal;
  if (f.dateStyle !== o.dateStyle) print.dateStyle = f.dateStyle;
  if (f.contentsHeading !== o.contentsHeading) print.contentsHeading = f.contentsHeading;
  if (f.newPagePerItem !== o.newPagePerItem) print.newPagePerItem = f.newPagePerItem;
  if (f.chineseQuotes !== o.chineseQuotes) print.chineseQuotes = f.chineseQuotes;
  const distribution: { to?: string[]; cc?: string[]; down?: string[] } = {};
  for (const k of ['to', 'cc', 'down'] as const) if (f[k] !== o[k]) distribution[k] = names(f[k]);
  if (Object.keys(distribution).length) print.distribution = distribution;
  if (f.reviewer !== o.reviewer) print.reviewer = f.reviewer;
  if (f.editor !== o.editor) print.editor = f.editor;
  if (Number(f.copies) !== Number(o.copies)) print.copies = Number(f.copies);
  if (Object.keys(print).length) patch.print = print;
  return patch;
}

export function SeriesEditDialog({ series, onClose, onSaved }: { series: Series | null; onClose: () => void; onSaved: (s: Series) => void }) {
  return (
    <Modal opened={series !== null} onClose={onClose} title={series ? `《${series.name}》的设置` : ''} size={920} centered scrollAreaComponent={ScrollArea.Autosize}>
      {series && <SeriesEditForm series={series} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function SeriesEditForm({ series, onClose, onSaved }: { series: Series; onClose: () => void; onSaved: (s: Series) => void }) {
  const api = useApi();
  const [f, setF] = useState<Form>(() => formOf(series));
  const { busy, error, submit } = useSubmit();
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setF((x) => ({ ...x, [k]: v }));
  const patch = patchOf(series, f);
  const dirty = Object.keys(patch).length > 1;

  const save = () =>
    submit(async () => {
      const s = await api.call('seriesUpdate', patch);
      notifyOk(`《${s.name}》的设置已保存`);
      onSaved(s);
    });

  const numberingLocked = series.numbered;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={2} spacing="xl">
        <Stack gap="xs">
          <Title order={6}>刊物与编号</Title>
          <TextInput label="刊物名称" value={f.name} onChange={(e) => set('name', e.currentTarget.value)} data-testid="series-edit-name" />
          <TextInput label="编印单位" description="印在报头左下，如“城关县人民政府办公室编”" value={f.org} onChange={(e) => set('org', e.currentTarget.value)} />
          <SimpleGrid cols={2}>
            <NumberInput label="起始期号" min={1} value={f.firstNumber} onChange={(v) => set('firstNumber', v)} disabled={numberingLocked} />
            <NumberInput label="起始总期号" min={1} value={f.firstTotal} onChange={(v) => set('firstTotal', v)} disabled={numberingLocked} />
          </SimpleGrid>
          <Switch label="跨年连续编号" checked={f.continuous} onChange={(e) => set('continuous', e.currentTarget.checked)} disabled={numberingLocked} />
          {numberingLocked && (
            <Text size="xs" c="dimmed" data-testid="numbering-locked">
              本刊已有签发的期次，起始期号和编号方式不能再改，以免期号重复或跳号。
            </Text>
          )}
          <Select
            label="可刊印的最高密级"
            description="密级高于它的信息不能编入本刊，也不能提交审核或签发"
            data={CLASSIFICATIONS.map((c) => ({ value: c, label: CLASSIFICATION_LABELS[c] }))}
            value={f.maxClassification}
            onChange={(v) => v && set('maxClassification', v as Classification)}
            allowDeselect={false}
            data-testid="series-max-classification"
          />
          <Select
            label="计分规则"
            description="本刊刊发的信息为来稿单位按哪条县级规则计分；单条信息可在组稿时标为简讯。已签发的期次仍按签发时的规则。"
            data={SERIES_SCORE_RULES.map((k) => ({ value: k, label: `${ADOPTION_KIND_LABELS[k]}（${DEFAULT_RULES.adoption.county[k].points}分，默认）` }))}
            value={f.scoreRule}
            onChange={(v) => v && set('scoreRule', v as Form['scoreRule'])}
            allowDeselect={false}
            data-testid="series-score-rule"
          />

          <Divider my={4} />
          <Title order={6}>版记</Title>
          <Textarea label="报" description="每行一个单位" autosize minRows={1} maxRows={4} value={f.to} onChange={(e) => set('to', e.currentTarget.value)} data-testid="print-to" />
          <Textarea label="送" autosize minRows={1} maxRows={4} value={f.cc} onChange={(e) => set('cc', e.currentTarget.value)} data-testid="print-cc" />
          <Textarea label="发" autosize minRows={1} maxRows={4} value={f.down} onChange={(e) => set('down', e.currentTarget.value)} data-testid="print-down" />
        </Stack>

        <Stack gap="xs">
          <Title order={6}>报头与版式</Title>
          <TextInput
            label="报头名称"
            description="红色大字；留空则与刊物名称相同"
            value={f.mastheadName}
            onChange={(e) => set('mastheadName', e.currentTarget.value)}
            data-testid="print-masthead"
          />
          <Group grow align="flex-start">
            <Select
              label="密级标志（报头左上）"
              data={[
                { value: 'none', label: '不印' },
                { value: 'internal', label: INTERNAL_MARK },
                { value: 'custom', label: '自定义…' },
              ]}
              value={f.markMode}
              onChange={(v) => v && set('markMode', v as MarkMode)}
              allowDeselect={false}
            />
            {f.markMode === 'custom' && (
              <TextInput label="自定义标志" placeholder="例如：内部资料" value={f.markText} onChange={(e) => set('markText', e.currentTarget.value)} />
            )}
          </Group>
          <Group grow align="flex-start">
            <Select
              label="日期样式"
              data={[
                { value: 'arabic', label: '2026年11月21日' },
                { value: 'chinese', label: '二〇二六年十一月二十一日' },
              ]}
              value={f.dateStyle}
              onChange={(v) => v && set('dateStyle', v as Form['dateStyle'])}
              allowDeselect={false}
            />
            <Select
              label="目录标题"
              data={[
                { value: '本期要目', label: '本期要目' },
                { value: '目录', label: '目录' },
                { value: 'none', label: '不印目录' },
              ]}
              value={f.contentsHeading}
              onChange={(v) => v && set('contentsHeading', v as Form['contentsHeading'])}
              allowDeselect={false}
            />
          </Group>
          <Switch label="显示总期号（第12期后加“总第2045期”）" checked={f.showTotal} onChange={(e) => set('showTotal', e.currentTarget.checked)} />
          <Switch label="每条信息另起一页" checked={f.newPagePerItem} onChange={(e) => set('newPagePerItem', e.currentTarget.checked)} />
          <Switch
            label={'印刷时把中文旁的直引号 " \' 改为中文引号 “” ‘’'}
            description="英文引文不受影响；稿件原文不改"
            checked={f.chineseQuotes}
            onChange={(e) => set('chineseQuotes', e.currentTarget.checked)}
            data-testid="print-chinese-quotes"
          />

          <Divider my={4} />
          <Title order={6}>署名与印数</Title>
          <Group grow>
            <TextInput label="审核" value={f.reviewer} onChange={(e) => set('reviewer', e.currentTarget.value)} />
            <TextInput label="编辑" value={f.editor} onChange={(e) => set('editor', e.currentTarget.value)} />
          </Group>
          <NumberInput label="共印份数" description="0 表示不印“共印N份”" min={0} max={100000} value={f.copies} onChange={(v) => set('copies', v)} w={200} data-testid="print-copies" />
          <Text size="xs" c="dimmed">
            签发人在签发时填写，不在这里设置。
          </Text>
        </Stack>
      </SimpleGrid>

      <DialogFooter error={error} errorTitle="未能保存" onCancel={onClose} confirm={{ label: '保存设置', onClick: () => void save(), busy, disabled: !dirty, testId: 'series-save' }} />
    </Stack>
  );
}
