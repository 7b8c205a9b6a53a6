/** How far a long export got: a bar, files done of all, the time left, and the file being written. */
import { Progress, Stack, Text } from '@mantine/core';
import type { ExportProgress } from '../../../src-main/api/ops/year-export';

export function timeLeft(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return s < 60 ? `${s} 秒` : `${Math.floor(s / 60)} 分 ${s % 60} 秒`;
}

export function ExportProgressBar({ progress, what, stopping, testId }: { progress: ExportProgress | null; what: string; stopping?: boolean; testId: string }) {
  const p = progress;
  const left = stopping || p?.stopping ? '正在停止：写完当前文件后停止……' : p?.remainingMs != null ? `约剩 ${timeLeft(p.remainingMs)}` : '正在估算剩余时间……';
  return (
    <Stack gap={4} data-testid={testId} data-done={p?.done ?? 0} data-total={p?.total ?? 0}>
      <Progress value={p?.percent ?? 0} size="lg" animated={!p} aria-label={what} />
      <Text size="sm" c="dimmed">
        {p ? `${what}：已完成 ${p.done} / ${p.total}，${left}` : `${what}：正在准备……`}
      </Text>
      {p?.current && (
        <Text size="xs" c="dimmed" truncate title={p.current}>
          正在写入：{p.current}
        </Text>
      )}
    </Stack>
  );
}
