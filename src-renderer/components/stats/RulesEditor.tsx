/**
 * 计分规则: the numbers of the version in force today, editable, saved as a new version from a
 * date. Saved versions never change, so circulars of past periods keep their figures.
 */
import { Alert, Badge, Button, Group, Loader, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { RULE_FIELDS, ruleValue, withRuleValue, type ScoreRules } from '../../../src-main/api/ops/scoring';
import { useApi } from '../../api/context';
import { attempt, notifyOk } from '../../api/notify';
import { formatDate, todayIso } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { DateField } from '../common/DateField';

const GROUPS = [...new Set(RULE_FIELDS.map((f) => f.group))];

export function RulesEditor({ onSaved }: { onSaved?: () => void }) {
  const api = useApi();
  const versions = useLoad(() => api.call('rulesList', {}), [api]);
  const current = useLoad(() => api.call('rulesGet', {}), [api]);
  const [rules, setRules] = useState<ScoreRules | null>(null);
  const [from, setFrom] = useState(todayIso());
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (current.data) setRules(current.data.rules);
  }, [current.data]);

  if (current.error) return <Alert color="red">{current.error}</Alert>;
  if (!rules || !current.data) return <Loader />;

  const changed = RULE_FIELDS.filter((f) => ruleValue(rules, f.path) !== ruleValue(current.data!.rules, f.path));
  const save = async () => {
    setSaving(true);
    const v = await attempt(() => api.call('rulesAdd', { validFrom: from, rules }), '未能保存计分规则');
    setSaving(false);
    if (!v) return;
    notifyOk(`计分规则已保存为新版本，自${formatDate(v.validFrom)}起适用。此前的期间仍按原规则计分。`);
    versions.reload();
    current.reload();
    onSaved?.();
  };

  return (
    <Stack gap="md" data-testid="rules-editor">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed">
          现行规则自 {formatDate(current.data.validFrom) || current.data.validFrom} 起适用。修改数字后，选择生效日期，保存为新版本；已保存的版本不会改变。
        </Text>
        <Group gap="xs" align="flex-end">
          <DateField label="新版本生效日期" value={from} onChange={(v) => setFrom(v)} w={170} data-testid="rules-from" />
          <Button leftSection={<IconDeviceFloppy size={16} />} onClick={() => void save()} loading={saving} disabled={!changed.length} data-testid="rules-save">
            保存为新版本{changed.length ? `（改动${changed.length}项）` : ''}
          </Button>
        </Group>
      </Group>
      <SimpleGrid cols={2} spacing="md">
        {GROUPS.map((g) => (
          <Paper key={g} withBorder p="sm">
            <Title order={6} mb={6}>
              {g}
            </Title>
            <Table verticalSpacing={2}>
              <Table.Tbody>
                {RULE_FIELDS.filter((f) => f.group === g).map((f) => {
                  const key = f.path.join('.');
                  const value = ruleValue(rules, f.path);
                  const dirty = value !== ruleValue(current.data!.rules, f.path);
                  return (
                    <Table.Tr key={key}>
                      <Table.Td>
                        <Text size="sm" fw={dirty ? 600 : undefined} c={dirty ? 'indigo' : undefined}>
                          {f.label}
                        </Text>
                      </Table.Td>
                      <Table.Td w={130}>
                        <NumberInput
                          size="xs"
                          value={value}
                          min={0}
                          allowDecimal={false}
                          allowNegative={false}
                          suffix={` ${f.unit}`}
                          onChange={(v) => setRules(withRuleValue(rules, f.path, typeof v === 'number' ? v : 0))}
                          data-testid="rule-value"
                          data-path={key}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Paper>
        ))}
      </SimpleGrid>
      <Paper withBorder p="sm">
        <Title order={6} mb={6}>
          历次版本
        </Title>
        <Group gap="xs">
          {(versions.data ?? []).map((v) => (
            <Badge key={v.id} variant={v.id === current.data!.id ? 'filled' : 'light'} color="gray" data-testid="rules-version">
              自 {v.validFrom === '1900-01-01' ? '启用' : formatDate(v.validFrom)} 起
            </Badge>
          ))}
        </Group>
      </Paper>
    </Stack>
  );
}
