/**
 * The coverage check's warning (docs/layout-checks.md): characters the office fonts may not
 * show, grouped by font, each with its code and where it is. A warning, never a block: the
 * editor may keep a rare name character and fix its font in Word.
 */
import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { coverageMessages, type CoverageReport } from '../../../src-main/api/coverage-types';

export interface CoverageWarningProps {
  report: CoverageReport | null;
  /** Shown above the list, e.g. 提交审核前请注意. */
  title?: string;
  /** At most this many characters per font are listed; the rest are counted. */
  limit?: number;
}

export function CoverageWarning({ report, title = '字体提醒', limit = 12 }: CoverageWarningProps) {
  if (!report || report.chars.length === 0) return null;
  return (
    <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={title} py="xs" data-testid="coverage-warning">
      {coverageMessages(report).map((m) => (
        <div key={m.font} data-testid="coverage-font" data-font={m.font}>
          <Text size="sm">{m.text}</Text>
          <List size="sm" spacing={0} mb={4}>
            {m.lines.slice(0, limit).map((line) => (
              <List.Item key={line} data-testid="coverage-char">
                {line}
              </List.Item>
            ))}
          </List>
          {m.lines.length > limit && (
            <Text size="xs" c="dimmed">
              另有 {m.lines.length - limit} 个字符未列出（命令行 bulletin issue check 可看全部）。
            </Text>
          )}
        </div>
      ))}
    </Alert>
  );
}
