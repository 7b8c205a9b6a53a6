/**
 * 生成上报包: choose signed issues and single items, whether internal items may go, and the
 * folder (e.g. the USB drive). Classified items cannot be ticked at all, with the reason shown;
 * internal ones only once 包含内部信息 is ticked. The API checks every rule again and its refusal
 * is shown as it is. Building a large packet takes a while: the dialog shows how many of its
 * files are done (exportProgress) and the time left.
 */
import { Alert, Button, Checkbox, Code, Group, Modal, ScrollArea, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileZip, IconSearch } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { PacketArticleCandidate, PacketExportResult, PacketIssueCandidate } from '../../../src-main/api/ops/packets';
import type { Classification } from '../../../src-main/api/schemas';
import { useApi } from '../../api/context';
import { formatDate } from '../../format';
import { usePacketDownload } from '../../hooks/usePacketDownload';
import { useExportProgress } from '../../hooks/useExportProgress';
import { useLoad } from '../../hooks/useLoad';
import { useSubmit } from '../../hooks/useSubmit';
import { CategoryBadge, ClassificationBadge, SubmittedBadge } from '../common/Badges';
import { ExportProgressBar } from '../common/ExportProgressBar';
import { fileSize } from './PacketRegister';
import { rememberFolder, rememberedFolder } from '../../hooks/rememberedFolder';

const FOLDER_KEY = 'bulletin.packetFolder';

/** Why a row cannot be ticked now, or null. */
function lockReason(blocked: string | null, classification: Classification, includeInternal: boolean): string | null {
  if (blocked) return blocked;
  if (classification === 'internal' && !includeInternal) return '内部信息：先勾选下方“包含内部信息”才能选择';
  return null;
}

interface Candidate {
  id: number;
  title: string;
  blocked: string | null;
  classification: Classification;
}

/** One tab of candidates: a scrolling list of rows, or why there is none. */
function CandidateList<T extends Candidate>(props: {
  items: T[] | undefined;
  empty: string;
  testid: string;
  picked: Map<number, T>;
  includeInternal: boolean;
  onToggle: (item: T) => void;
  detail: (item: T) => ReactNode;
  badges: (item: T) => ReactNode;
}) {
  return (
    <ScrollArea h={300} offsetScrollbars>
      {props.items && props.items.length === 0 && (
        <Text size="sm" c="dimmed" p="sm">
          {props.empty}
        </Text>
      )}
      {props.items?.map((item) => (
        <Row
          key={item.id}
          id={item.id}
          testid={props.testid}
          checked={props.picked.has(item.id)}
          reason={lockReason(item.blocked, item.classification, props.includeInternal)}
          onToggle={() => props.onToggle(item)}
          title={item.title}
          detail={props.detail(item)}
          badges={props.badges(item)}
        />
      ))}
    </ScrollArea>
  );
}

function Row(props: { id: number; testid: string; checked: boolean; reason: string | null; onToggle: () => void; title: string; detail: ReactNode; badges: ReactNode }) {
  return (
    <Group
      gap="xs"
      wrap="nowrap"
      p={6}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', opacity: props.reason ? 0.75 : 1, cursor: props.reason ? 'not-allowed' : 'pointer' }}
      // The whole row ticks, as in a file list: the check-box alone is a small target.
      onClick={(e) => {
        if (props.reason === null && !(e.target instanceof HTMLInputElement)) props.onToggle();
      }}
      data-testid={props.testid}
      data-id={props.id}
      data-locked={props.reason ? 'true' : 'false'}
    >
      <Checkbox checked={props.checked} disabled={props.reason !== null} onChange={props.onToggle} aria-label={`选择：${props.title}`} data-testid={`${props.testid}-check`} />
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" truncate title={props.title}>
          {props.title}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {props.detail}
        </Text>
        {props.reason && (
          <Text size="xs" c="red.7" data-testid="lock-reason">
            {props.reason}
          </Text>
        )}
      </Stack>
      <Group gap={4} wrap="nowrap">
        {props.badges}
      </Group>
    </Group>
  );
}

export interface PacketExportDialogProps {
  opened: boolean;
  onClose: () => void;
  onExported: (result: PacketExportResult) => void;
  onVerify: (path: string) => void;
}

export function PacketExportDialog({ opened, onClose, onExported, onVerify }: PacketExportDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="生成上报包" size="xl" centered closeOnClickOutside={false}>
      {opened && <ExportForm onClose={onClose} onExported={onExported} onVerify={onVerify} />}
    </Modal>
  );
}

function ExportForm({ onClose, onExported, onVerify }: Omit<PacketExportDialogProps, 'opened'>) {
  const api = useApi();
  const download = usePacketDownload();
  const [filter, setFilter] = useState('');
  const [text] = useDebouncedValue(filter.trim(), 250);
  const candidates = useLoad(() => api.call('packetCandidates', { limit: 300, ...(text ? { text } : {}) }), [api, text]);
  const [issues, setIssues] = useState<Map<number, PacketIssueCandidate>>(new Map());
  const [articles, setArticles] = useState<Map<number, PacketArticleCandidate>>(new Map());
  const [includeInternal, setIncludeInternal] = useState(false);
  const [out, setOut] = useState(() => rememberedFolder(FOLDER_KEY));
  const [by, setBy] = useState('');
  const { busy, error, submit } = useSubmit();
  const [result, setResult] = useState<PacketExportResult | null>(null);
  const { progress, track } = useExportProgress('packetExport');

  const toggle = <T extends { id: number }>(set: (f: (m: Map<number, T>) => Map<number, T>) => void, item: T) =>
    set((m) => {
      const next = new Map(m);
      if (next.has(item.id)) next.delete(item.id);
      else next.set(item.id, item);
      return next;
    });

  const setInternal = (on: boolean) => {
    setIncludeInternal(on);
    if (!on) {
      // Unticking takes the internal items back out, so nothing internal goes by surprise.
      setIssues((m) => new Map([...m].filter(([, i]) => i.classification !== 'internal')));
      setArticles((m) => new Map([...m].filter(([, a]) => a.classification !== 'internal')));
    }
  };

  const files = issues.size + articles.size;
  const exportNow = () =>
    submit(async () => {
      const r = await track(() =>
        api.call('packetExport', {
          ...(issues.size ? { issueIds: [...issues.keys()] } : {}),
          ...(articles.size ? { articleIds: [...articles.keys()] } : {}),
          includeInternal,
          out: out.trim(),
          ...(by.trim() ? { by: by.trim() } : {}),
        }),
      );
      rememberFolder(FOLDER_KEY, out.trim());
      setResult(r);
      onExported(r);
    });

  if (result) {
    return (
      <Stack gap="sm" data-testid="packet-export-result">
        <Alert color="teal" title="上报包已生成并登记">
          <Stack gap={4}>
            <Text size="sm">{result.path}</Text>
            <Text size="sm">
              {result.manifest.issues.length} 期、{result.manifest.articles.length} 条信息，{fileSize(result.size)}；登记为第 {result.id} 号。
            </Text>
            <Text size="xs">
              SHA-256：<Code>{result.sha256}</Code>
            </Text>
          </Stack>
        </Alert>
        <Group justify="flex-end">
          <Button variant="light" onClick={() => onVerify(result.path)} data-testid="packet-result-verify">
            校验
          </Button>
          <Button variant="light" loading={download.busy === result.id} onClick={() => void download.open(result)}>
            {download.label}
          </Button>
          <Button onClick={onClose}>完成</Button>
        </Group>
      </Stack>
    );
  }

  const data = candidates.data;
  return (
    <Stack gap="sm" data-testid="packet-export-dialog">
      <TextInput
        placeholder="按标题或刊物名筛选"
        leftSection={<IconSearch size={14} />}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
        data-testid="packet-filter"
      />
      {candidates.error && <Alert color="red">{candidates.error}</Alert>}
      <Tabs defaultValue="issues" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="issues" data-testid="packet-tab-issues">
            已签发的期次{issues.size ? `（已选 ${issues.size}）` : ''}
          </Tabs.Tab>
          <Tabs.Tab value="articles" data-testid="packet-tab-articles">
            单条信息{articles.size ? `（已选 ${articles.size}）` : ''}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="issues">
          <CandidateList
            items={data?.issues}
            empty={text ? '没有符合条件的已签发期次。' : '还没有已签发的期次。只有签发后的期次才能上报。'}
            testid="packet-issue"
            picked={issues}
            includeInternal={includeInternal}
            onToggle={(i) => toggle(setIssues, i)}
            detail={(i) => `${formatDate(i.date)} · ${i.articleCount} 条`}
            badges={(i) => (
              <>
                <SubmittedBadge mark={i.submitted} />
                <ClassificationBadge classification={i.classification} />
              </>
            )}
          />
        </Tabs.Panel>
        <Tabs.Panel value="articles">
          <CandidateList
            items={data?.articles}
            empty="没有符合条件的信息。"
            testid="packet-article"
            picked={articles}
            includeInternal={includeInternal}
            onToggle={(a) => toggle(setArticles, a)}
            detail={(a) => `${a.unit ?? '无单位'} · ${a.chars}字${a.issueTitle ? ` · 已刊${a.issueTitle}` : ''}`}
            badges={(a) => (
              <>
                <SubmittedBadge mark={a.submitted} />
                <CategoryBadge category={a.category} />
                <ClassificationBadge classification={a.classification} />
              </>
            )}
          />
        </Tabs.Panel>
      </Tabs>
      <Checkbox
        checked={includeInternal}
        onChange={(e) => setInternal(e.currentTarget.checked)}
        label="包含内部信息"
        description="内部信息只有在此明确勾选后才能放入上报包；涉密信息任何时候都不能上报。"
        data-testid="packet-include-internal"
      />
      <Group grow align="flex-start">
        <TextInput
          label="保存到文件夹"
          withAsterisk
          description="如 U 盘上的文件夹；文件名自动生成，不会覆盖已有文件"
          placeholder="例如 E:\上报"
          value={out}
          onChange={(e) => setOut(e.currentTarget.value)}
          data-testid="packet-out"
        />
        <TextInput label="经办人" description="不填则为本单位设置中的联系人" value={by} onChange={(e) => setBy(e.currentTarget.value)} data-testid="packet-by" />
      </Group>
      {busy && <ExportProgressBar progress={progress} what={`正在生成上报包（${issues.size} 期、${articles.size} 条信息）`} testId="packet-export-progress" />}
      {error && (
        <Alert color="red" title="未生成上报包" data-testid="packet-export-error" style={{ whiteSpace: 'pre-wrap' }}>
          {error}
        </Alert>
      )}
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="packet-selection">
          已选 {issues.size} 期、{articles.size} 条信息
        </Text>
        <Group>
          <Button variant="default" onClick={onClose} disabled={busy}>
            取消
          </Button>
          <Button leftSection={<IconFileZip size={16} />} onClick={() => void exportNow()} loading={busy} disabled={files === 0 || !out.trim()} data-testid="packet-export-confirm">
            生成上报包
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
