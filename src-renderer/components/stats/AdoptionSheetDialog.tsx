/**
 * 导入采用情况表: the city's Excel list of adoptions. The backend reads the sheet and proposes,
 * per row, the item we sent upward it is (with its confidence); here the user checks the
 * columns, ticks or unticks rows, picks another candidate where the proposal is wrong, and
 * records the ticked ones in one step. Rows recorded before are shown as such and cannot be
 * ticked; rows with a problem say what is missing.
 */
import { Badge, Button, Checkbox, FileButton, Group, Modal, ScrollArea, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { SHEET_FIELDS, SHEET_FIELD_LABELS, type AdoptionSheetPreview, type AdoptionSheetRow, type SheetColumns, type SheetField } from '../../../src-main/api/ops/adoption-sheet';
import { useApi } from '../../api/context';
import { errorMessage, notifyOk } from '../../api/notify';
import { DialogFooter } from '../common/DialogFooter';
import { fileBase64 } from '../setup/UnitsStep';

interface Choice {
  ticked: boolean;
  articleId: number | null;
}

const pct = (c: number) => `${Math.round(c * 100)}%`;
const letter = (i: number) => (i >= 26 ? String.fromCharCode(64 + Math.floor(i / 26)) : '') + String.fromCharCode(65 + (i % 26));

function initialChoices(p: AdoptionSheetPreview): Record<number, Choice> {
  return Object.fromEntries(p.rows.map((r) => [r.row, { ticked: r.preTicked, articleId: r.articleId }]));
}

const recordedFor = (r: AdoptionSheetRow, articleId: number | null) => r.candidates.find((c) => c.articleId === articleId)?.recorded ?? false;

export function AdoptionSheetDialog({ opened, onClose, onRecorded }: { opened: boolean; onClose: () => void; onRecorded: () => void }) {
  const api = useApi();
  const [file, setFile] = useState<{ base64: string; fileName: string } | null>(null);
  const [preview, setPreview] = useState<AdoptionSheetPreview | null>(null);
  const [choices, setChoices] = useState<Record<number, Choice>>({});
  const [publication, setPublication] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async (source: { base64: string; fileName: string }, columns?: Partial<SheetColumns>, pub = publication) => {
    setBusy(true);
    setError(null);
    try {
      const p = await api.call('adoptionSheetRead', { ...source, ...(columns ? { columns } : {}), ...(pub.trim() ? { publication: pub.trim() } : {}) });
      setPreview(p);
      setChoices(initialChoices(p));
    } catch (e) {
      setPreview(null);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const pick = async (f: File | null) => {
    if (!f) return;
    const source = { base64: await fileBase64(f), fileName: f.name };
    setFile(source);
    await read(source);
  };

  const close = () => {
    setFile(null);
    setPreview(null);
    setChoices({});
    setError(null);
    onClose();
  };

  const setColumn = (field: SheetField, value: string | null) => {
    if (!file || !preview) return;
    void read(file, { ...preview.columns, [field]: value === null || value === '' ? null : Number(value) });
  };

  const chosen = preview
    ? preview.rows.filter((r) => {
        const c = choices[r.row];
        return c?.ticked && c.articleId !== null && r.problem === null && r.date !== null && !recordedFor(r, c.articleId);
      })
    : [];

  const confirm = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      const remember = Object.fromEntries(
        SHEET_FIELDS.map((f) => [f, preview.columns[f] === null ? '' : (preview.headers[preview.columns[f]!] ?? '')]),
      ) as Record<SheetField, string>;
      const r = await api.call('adoptionSheetImport', {
        adoptions: chosen.map((row) => ({
          row: row.row,
          articleId: choices[row.row]!.articleId!,
          publication: row.publication,
          level: row.level,
          kind: row.kind,
          date: row.date!,
          issueRef: row.issueRef,
        })),
        remember,
      });
      notifyOk(`已登记采用 ${r.recorded.length} 条${r.already ? `，${r.already} 条此前已登记，未重复` : ''}。`, '采用情况表已导入');
      onRecorded();
      close();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const headerOptions = (preview?.headers ?? []).map((h, i) => ({ value: String(i), label: `${letter(i)} 列：${h || '（空）'}` }));

  return (
    <Modal opened={opened} onClose={close} title="导入市里的采用情况表" size="95%" data-testid="adoption-sheet-dialog">
      <Stack gap="sm">
        <Group gap="sm" align="flex-end">
          <FileButton onChange={(f) => void pick(f)} accept=".xlsx" inputProps={{ 'data-testid': 'adoption-sheet-file' } as object}>
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconFileUpload size={16} />} loading={busy && !preview}>
                选择 Excel 文件（.xlsx）
              </Button>
            )}
          </FileButton>
          <TextInput
            label="采用刊物（表中没有刊物列时）"
            value={publication}
            onChange={(e) => setPublication(e.currentTarget.value)}
            onBlur={() => file && void read(file, preview?.columns, publication)}
            w={260}
            data-testid="adoption-sheet-publication"
          />
          {preview && (
            <Text size="sm" c="dimmed" data-testid="adoption-sheet-summary">
              {preview.fileName}：{preview.rows.length} 行，对照已上报的 {preview.sentItems} 条信息；置信度 ≥ {pct(preview.threshold)} 的已预先勾选
            </Text>
          )}
        </Group>
        {preview && (
          <Group gap="xs" data-testid="adoption-sheet-columns">
            {SHEET_FIELDS.map((f) => (
              <Select
                key={f}
                label={SHEET_FIELD_LABELS[f]}
                data={[{ value: '', label: '（无此列）' }, ...headerOptions]}
                value={preview.columns[f] === null ? '' : String(preview.columns[f])}
                onChange={(v) => setColumn(f, v)}
                allowDeselect={false}
                w={150}
                size="xs"
                data-testid={`adoption-column-${f}`}
              />
            ))}
          </Group>
        )}
        {preview && (
          <ScrollArea.Autosize mah="55vh">
            <Table striped verticalSpacing={4} data-testid="adoption-sheet-rows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>登记</Table.Th>
                  <Table.Th w={50}>行</Table.Th>
                  <Table.Th>表中标题</Table.Th>
                  <Table.Th w={200}>刊物、期号、日期</Table.Th>
                  <Table.Th w={380}>对应的信息</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.rows.map((r) => {
                  const c = choices[r.row] ?? { ticked: false, articleId: null };
                  const recorded = recordedFor(r, c.articleId);
                  const blocked = r.problem !== null || c.articleId === null || recorded;
                  return (
                    <Table.Tr key={r.row} data-testid="adoption-sheet-row" data-row={r.row} data-ticked={c.ticked && !blocked ? 'yes' : 'no'}>
                      <Table.Td>
                        <Checkbox
                          aria-label={`登记第${r.row}行`}
                          checked={c.ticked && !blocked}
                          disabled={blocked}
                          onChange={(e) => setChoices({ ...choices, [r.row]: { ...c, ticked: e.currentTarget.checked } })}
                          data-testid="adoption-row-tick"
                        />
                      </Table.Td>
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{r.title}</Text>
                        {r.unit && (
                          <Text size="xs" c="dimmed">
                            {r.unit}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">
                          {r.publication ? `《${r.publication}》` : '—'}
                          {r.issueRef} {r.date ?? ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {r.problem ? (
                          <Text size="xs" c="red" data-testid="adoption-row-problem">
                            {r.problem}
                          </Text>
                        ) : r.candidates.length === 0 ? (
                          <Text size="xs" c="dimmed" data-testid="adoption-row-none">
                            报送的信息中没有相近的标题（可能不是本县的信息）
                          </Text>
                        ) : (
                          <Group gap={6} wrap="nowrap">
                            <Select
                              size="xs"
                              style={{ flex: 1 }}
                              data={[
                                { value: '', label: '不登记' },
                                ...r.candidates.map((x) => ({ value: String(x.articleId), label: `#${x.articleId} ${x.title}（${pct(x.confidence)}${x.recorded ? '，已登记' : ''}）` })),
                              ]}
                              value={c.articleId === null ? '' : String(c.articleId)}
                              onChange={(v) => {
                                const id = v ? Number(v) : null;
                                setChoices({ ...choices, [r.row]: { articleId: id, ticked: id !== null && !recordedFor(r, id) } });
                              }}
                              allowDeselect={false}
                              data-testid="adoption-row-match"
                            />
                            {recorded ? (
                              <Badge color="gray" variant="light" data-testid="adoption-row-recorded">
                                已登记
                              </Badge>
                            ) : (
                              c.articleId !== null && (
                                <Badge color={(r.candidates.find((x) => x.articleId === c.articleId)?.confidence ?? 0) >= preview.threshold ? 'green' : 'yellow'} variant="light">
                                  {pct(r.candidates.find((x) => x.articleId === c.articleId)?.confidence ?? 0)}
                                </Badge>
                              )
                            )}
                          </Group>
                        )}
                        {r.candidates.find((x) => x.articleId === c.articleId)?.note && (
                          <Text size="xs" c="orange" data-testid="adoption-row-note">
                            {r.candidates.find((x) => x.articleId === c.articleId)!.note}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
        <DialogFooter
          error={error}
          errorTitle="没有导入"
          errorTestId="adoption-sheet-error"
          onCancel={close}
          confirm={{
            label: `登记所选 ${chosen.length} 条`,
            onClick: () => void confirm(),
            busy: busy && !!preview,
            disabled: !preview || chosen.length === 0,
            testId: 'adoption-sheet-confirm',
          }}
        />
      </Stack>
    </Modal>
  );
}
