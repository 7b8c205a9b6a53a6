/**
 * The side list of proofreading findings (issue 18): counts of 错误 and 建议, findings grouped by
 * rule with 全部修正 for the certain fixes of a kind, and per finding its place, reason,
 * 一键修正 (when the fix is certain) and 忽略 (kept with the item).
 */
import { Badge, Button, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { IconCheck, IconEyeOff, IconTextSpellcheck } from '@tabler/icons-react';
import { RULE_LABELS, countFindings, type Finding, type RuleId } from '../../../src-main/proof';

export interface ProofPanelProps {
  findings: readonly Finding[];
  readOnly: boolean;
  /** Ignoring needs a saved item: null until it has an id. */
  canIgnore: boolean;
  onFix: (findings: readonly Finding[]) => void;
  onIgnore: (f: Finding) => void;
  height: string;
}

const where = (f: Finding) => (f.paragraph === null ? '标题' : `第${f.paragraph + 1}段`);

export function ProofPanel({ findings, readOnly, canIgnore, onFix, onIgnore, height }: ProofPanelProps) {
  const c = countFindings(findings);
  const groups = new Map<RuleId, Finding[]>();
  for (const f of findings) groups.set(f.rule, [...(groups.get(f.rule) ?? []), f]);
  return (
    <Paper withBorder p="xs" data-testid="proof-panel">
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Group gap={6} wrap="nowrap">
          <IconTextSpellcheck size={18} />
          <Text fw={500} size="sm">
            校对
          </Text>
          <Badge color={c.errors ? 'red' : 'gray'} variant="light" data-testid="proof-errors">
            错误 {c.errors}
          </Badge>
          <Badge color={c.suggestions ? 'orange' : 'gray'} variant="light" data-testid="proof-suggestions">
            建议 {c.suggestions}
          </Badge>
        </Group>
      </Group>
      {findings.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="proof-empty">
          未发现标点、数字、用词和规范提法方面的问题。
        </Text>
      ) : (
        <ScrollArea.Autosize mah={height}>
          <Stack gap={8}>
            {[...groups].map(([rule, list]) => {
              const fixable = list.filter((f) => f.fix !== undefined);
              return (
                <Stack key={rule} gap={4} data-testid="proof-group" data-rule={rule}>
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {RULE_LABELS[rule]}（{list.length}）
                    </Text>
                    {fixable.length > 1 && (
                      <Button size="compact-xs" variant="light" disabled={readOnly} onClick={() => onFix(fixable)} data-testid="proof-fix-kind">
                        全部修正（{fixable.length}处）
                      </Button>
                    )}
                  </Group>
                  {list.map((f) => (
                    <Group key={`${f.paragraph}-${f.start}-${f.rule}`} gap={6} wrap="nowrap" align="flex-start" data-testid="proof-finding" data-rule={f.rule}>
                      <Badge size="xs" color={f.severity === '错误' ? 'red' : 'orange'} variant="outline" style={{ flex: 'none', marginTop: 3 }}>
                        {f.severity}
                      </Badge>
                      <Text size="xs" style={{ flex: 1, minWidth: 0 }} title={f.message}>
                        {where(f)}“{f.text}”{f.fix !== undefined ? ` → “${f.fix}”` : ''}：{f.message}
                      </Text>
                      {f.fix !== undefined && (
                        <Button size="compact-xs" leftSection={<IconCheck size={12} />} disabled={readOnly} onClick={() => onFix([f])} data-testid="proof-fix">
                          一键修正
                        </Button>
                      )}
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="gray"
                        leftSection={<IconEyeOff size={12} />}
                        disabled={!canIgnore}
                        title={canIgnore ? '不再提示这一处（随稿件保存）' : '请先保存稿件'}
                        onClick={() => onIgnore(f)}
                        data-testid="proof-ignore"
                      >
                        忽略
                      </Button>
                    </Group>
                  ))}
                </Stack>
              );
            })}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Paper>
  );
}
