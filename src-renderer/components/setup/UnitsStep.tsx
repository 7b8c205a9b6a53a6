/**
 * 来稿单位 in the set-up: typed one per line, pasted from Excel or WPS (the columns arrive
 * tab-separated), or read from an .xlsx / .csv list. Whatever the source, the text is what is
 * kept and sent; the API reads it back here as a table, with each row's problem, as it goes.
 */
import { Alert, Badge, Button, FileButton, Group, ScrollArea, Stack, Table, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { UnitSheet, UnitSheetRow } from '../../../src-main/api/ops/units';
import { UNIT_KIND_LABELS } from '../../../src-main/api/schemas';
import { useApi } from '../../api/context';
import { errorMessage } from '../../api/notify';
import type { StepProps } from './SetupFields';

const HEADER = '单位名称\t简称\t别称\t类别';

function rowLine(r: UnitSheetRow): string {
  return [r.name, r.shortName ?? '', (r.aliases ?? []).join('、'), r.kind ? UNIT_KIND_LABELS[r.kind] : ''].join('\t');
}

/** A picked file's bytes as base64, for the entries that take an upload (browser mode has no path). */
export function fileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('无法读取所选文件。'));
    reader.readAsDataURL(file);
  });
}

export function UnitsStep({ answers, set }: StepProps) {
  const api = useApi();
  const [text] = useDebouncedValue(answers.unitsText, 300);
  const [sheet, setSheet] = useState<UnitSheet | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  useEffect(() => {
    let live = true;
    if (!text.trim()) {
      setSheet(null);
      setError(null);
      return;
    }
    api.call('unitSheetRead', { text }).then(
      (s) => live && (setSheet(s), setError(null)),
      (e: unknown) => live && (setSheet(null), setError(errorMessage(e))),
    );
    return () => {
      live = false;
    };
  }, [api, text]);

  const fromFile = async (file: File | null) => {
    if (!file) return;
    setReading(true);
    try {
      const s = await api.call('unitSheetRead', { base64: await fileBase64(file), fileName: file.name });
      const lines = s.rows.map(rowLine);
      const kept = answers.unitsText.trim() ? answers.unitsText.replace(/\n*$/, '\n') : `${HEADER}\n`;
      set('unitsText', kept + lines.join('\n'));
      setError(s.problems.length ? `“${file.name}”中有 ${s.problems.length} 行未读入：\n${s.problems.join('\n')}` : null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setReading(false);
    }
  };

  const rows = sheet?.rows ?? [];
  return (
    <Group align="flex-start" gap="lg" wrap="nowrap">
      <Stack gap="xs" style={{ flex: '0 0 46%' }}>
        <Text size="sm" c="dimmed">
          各镇、街道和县直部门这些来稿单位，每行一个。可直接从 Excel 或 WPS 表格中复制几列粘贴（单位名称、简称、别称、类别），也可读入一份单位名单文件。不填也可以，以后在“设置 → 来稿单位”中添加。
        </Text>
        <Textarea
          autosize
          minRows={9}
          maxRows={9}
          placeholder={'城关镇\n清河镇\n县发展和改革局\t县发改局\t发改局\n……'}
          value={answers.unitsText}
          onChange={(e) => set('unitsText', e.currentTarget.value)}
          styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
          data-testid="setup-units-text"
        />
        <Group gap="xs">
          <FileButton onChange={(f) => void fromFile(f)} accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" inputProps={{ 'data-testid': 'setup-units-file' } as object}>
            {(props) => (
              <Button {...props} variant="light" leftSection={<IconFileSpreadsheet size={16} />} loading={reading}>
                读入 Excel 名单
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            .xlsx（Excel、WPS 均可）或 .csv；第一行为列名
          </Text>
        </Group>
      </Stack>
      <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
        <Group gap="xs">
          <Text size="sm" fw={500}>
            读到的单位
          </Text>
          <Badge variant="light" data-testid="setup-units-count">
            {rows.length} 个
          </Badge>
        </Group>
        {error && (
          <Alert color="red" title="单位名单有问题" styles={{ message: { whiteSpace: 'pre-line' } }} data-testid="setup-units-error">
            {error}
          </Alert>
        )}
        {sheet && sheet.problems.length > 0 && (
          <Alert color="red" title={`有 ${sheet.problems.length} 行需要改正`} styles={{ message: { whiteSpace: 'pre-line' } }} data-testid="setup-units-problems">
            {sheet.problems.join('\n')}
          </Alert>
        )}
        <ScrollArea h={250} type="auto">
          <Table striped withTableBorder stickyHeader fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={48}>行</Table.Th>
                <Table.Th>单位名称</Table.Th>
                <Table.Th>简称</Table.Th>
                <Table.Th>别称</Table.Th>
                <Table.Th>类别</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.row} data-testid="setup-unit-row">
                  <Table.Td c="dimmed">{r.row}</Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>{r.shortName}</Table.Td>
                  <Table.Td>{r.aliases?.join('、')}</Table.Td>
                  <Table.Td c={r.kind ? undefined : 'dimmed'}>{r.kind ? UNIT_KIND_LABELS[r.kind] : '按名称判断'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Stack>
    </Group>
  );
}
