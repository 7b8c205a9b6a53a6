/**
 * The import dialog's last two steps: the bar while files go in one by one (停止 takes effect
 * after the current file), and the summary, problems first, with 仍然登记 for a flagged repeat.
 */
import { Alert, Button, Group, Progress, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Outcome, Stat, type FileOutcome } from './ImportParts';

export interface Counts {
  done: number;
  imported: number;
  duplicates: number;
  refused: number;
}

export const NO_COUNTS: Counts = { done: 0, imported: 0, duplicates: 0, refused: 0 };

function Tallies({ counts, total }: { counts: Counts; total: number }) {
  return (
    <Text size="sm" data-testid="import-count">
      已处理 {counts.done} / {total}：导入 {counts.imported}，重复 {counts.duplicates}，拒收 {counts.refused}
    </Text>
  );
}

export function ImportRunning({ counts, total, current, onStop }: { counts: Counts; total: number; current: string; onStop: () => void }) {
  const percent = total ? Math.round((counts.done / total) * 100) : 100;
  return (
    <Stack gap="sm" data-testid="import-running">
      <Progress value={percent} size="lg" striped animated aria-label="导入进度" data-testid="import-progress" data-value={counts.done} />
      <Tallies counts={counts} total={total} />
      <Text size="xs" c="dimmed" truncate>
        正在导入：{current}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onStop} data-testid="import-stop">
          停止（当前文件完成后）
        </Button>
      </Group>
    </Stack>
  );
}

export interface ImportSummaryProps {
  counts: Counts;
  total: number;
  outcomes: FileOutcome[];
  stopped: boolean;
  showImported: boolean;
  onShowImported: () => void;
  onRegisterAnyway: (o: FileOutcome) => void;
  onDone: () => void;
}

export function ImportSummary({ counts, total, outcomes, stopped, showImported, onShowImported, onRegisterAnyway, onDone }: ImportSummaryProps) {
  const by = (s: FileOutcome['status']) => outcomes.filter((o) => o.status === s);
  return (
    <Stack gap="sm" data-testid="import-summary">
      {stopped && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>
          已按要求停止：还有 {total - counts.done} 个文件没有处理。
        </Alert>
      )}
      <SimpleGrid cols={3}>
        <Stat label="导入" value={counts.imported} color="teal" testId="import-summary-imported" />
        <Stat label="重复（未登记）" value={by('duplicate').length} color="yellow.8" testId="import-summary-duplicates" />
        <Stat label="拒收" value={counts.refused} color="red" testId="import-summary-refused" />
      </SimpleGrid>
      <ScrollArea.Autosize mah={340} type="auto" scrollbars="y">
        <Stack gap={6} pr="md">
          {by('duplicate').map((o) => (
            <Outcome key={o.file.path} o={o} color="yellow.9" tag="重复">
              <Button size="compact-xs" variant="light" color="yellow" onClick={() => onRegisterAnyway(o)} data-testid="import-register-anyway">
                仍然登记
              </Button>
            </Outcome>
          ))}
          {by('refused').map((o) => (
            <Outcome key={o.file.path} o={o} color="red.8" tag="拒收" />
          ))}
          {showImported && by('imported').map((o) => <Outcome key={o.file.path} o={o} color="teal.8" tag="导入" />)}
        </Stack>
      </ScrollArea.Autosize>
      {!showImported && by('imported').length > 0 && (
        <Button variant="subtle" size="xs" onClick={onShowImported} data-testid="import-show-imported">
          列出导入的 {by('imported').length} 个文件
        </Button>
      )}
      <Group justify="flex-end">
        <Button onClick={onDone} data-testid="import-done">
          完成
        </Button>
      </Group>
    </Stack>
  );
}
