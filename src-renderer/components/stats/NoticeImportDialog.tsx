/**
 * 导入采用通报 (the county side of the loop, issue 17): the city's adoption notice zip, chosen
 * (uploaded in browser mode) or its path typed, goes to noticeImport, which checks it (every
 * checksum, addressed to this database) and records the adoptions and instructions by the items'
 * UUIDs. A refusal is shown in the API's Chinese words with its codes; the result lists the
 * adoptions recorded (with the rules' row each scores under) and the UUIDs that are not our items.
 */
import { Alert, Button, Group, List, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import type { NoticeImportResult } from '../../../src-main/api/ops/packet-loop';
import { ADOPTION_KIND_LABELS } from '../../../src-main/scoring/rules';
import { useApi } from '../../api/context';
import { formatDate } from '../../format';
import { useSubmit } from '../../hooks/useSubmit';
import { DialogFooter } from '../common/DialogFooter';
import { NO_SOURCE, ZipSourceField, hasSource, sourceArgs, type ZipSource } from '../common/ZipSourceField';

export interface NoticeImportDialogProps {
  opened: boolean;
  onClose: () => void;
  /** Adoptions were recorded: the scores reload. */
  onImported: () => void;
}

export function NoticeImportDialog({ opened, onClose, onImported }: NoticeImportDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="导入采用通报" size="lg" centered closeOnClickOutside={false} data-testid="notice-import-dialog">
      {opened && <ImportForm onClose={onClose} onImported={onImported} />}
    </Modal>
  );
}

function ImportForm({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const api = useApi();
  const [source, setSource] = useState<ZipSource>(NO_SOURCE);
  const [result, setResult] = useState<NoticeImportResult | null>(null);
  const { busy, error, setError, submit } = useSubmit();

  const run = () =>
    submit(async () => {
      const r = await api.call('noticeImport', await sourceArgs(source));
      setResult(r);
      if (r.recorded + r.instructions > 0) onImported();
    });

  if (result) return <ImportResult result={result} onClose={onClose} />;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        市政府办公室信息科按上报包中每条信息的标识回告采用情况。导入前先核对通报是否完整、是否发给本单位；核对不通过的通报不会登记任何内容。
      </Text>
      <ZipSourceField
        label="采用情况通报文件"
        placeholder="例如 E:\市政府办_采用情况通报_城关县人民政府办公室_20261101-20261130.zip"
        value={source}
        onChange={(s) => {
          setSource(s);
          setError(null);
        }}
        testId="notice-import"
        disabled={busy}
      />
      <DialogFooter
        error={error}
        errorTitle="采用通报未导入"
        errorTestId="notice-import-error"
        onCancel={onClose}
        confirm={{
          label: (
            <>
              <IconFileImport size={16} style={{ marginRight: 6 }} />
              核对并导入
            </>
          ),
          onClick: () => void run(),
          busy,
          disabled: !hasSource(source),
          testId: 'notice-import-confirm',
        }}
      />
    </Stack>
  );
}

function ImportResult({ result: r, onClose }: { result: NoticeImportResult; onClose: () => void }) {
  const nothingNew = r.recorded + r.instructions === 0;
  return (
    <Stack gap="sm" data-testid="notice-import-result">
      <Alert color={nothingNew ? 'yellow' : 'teal'} title={nothingNew ? '这份通报此前已导入' : '采用通报已导入'}>
        <Stack gap={4}>
          <Text size="sm">
            {r.sender}，{formatDate(r.period.from)}至{formatDate(r.period.to)}：通报列出 {r.adoptions} 条采用。
          </Text>
          <Text size="sm" data-testid="notice-import-recorded">
            本次新登记 {r.recorded} 条采用、{r.instructions} 条批示{nothingNew ? '（此前已全部登记，没有改动）' : '，积分按计分规则计入'}。
          </Text>
        </Stack>
      </Alert>
      {r.items.length > 0 && (
        <ScrollArea.Autosize mah={260}>
          <Table striped verticalSpacing={4} data-testid="notice-import-items">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>信息</Table.Th>
                <Table.Th w={190}>采用刊物、期号</Table.Th>
                <Table.Th w={80}>计分类型</Table.Th>
                <Table.Th w={70}>登记</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.items.map((it) => (
                <Table.Tr key={`${it.articleId}-${it.publication}-${it.issue}`} data-testid="notice-import-item" data-recorded={it.recorded ? 'yes' : 'no'}>
                  <Table.Td>
                    <Text size="sm">
                      #{it.articleId} {it.title}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      《{it.publication}》{it.issue}，{formatDate(it.date)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">市级{ADOPTION_KIND_LABELS[it.kind]}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c={it.recorded ? 'teal.8' : 'dimmed'}>
                      {it.recorded ? '新登记' : '此前已登记'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      {r.unknown.length > 0 && (
        <Alert color="orange" title={`${r.unknown.length} 条不是本单位报送的信息，未登记`} data-testid="notice-import-unknown">
          <List size="sm" spacing={2}>
            {r.unknown.map((u) => (
              <List.Item key={u.uuid}>
                {u.title}
                <Text span size="xs" c="dimmed">
                  {' '}
                  （标识 {u.uuid}）
                </Text>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button onClick={onClose} data-testid="notice-import-done">
          完成
        </Button>
      </Group>
    </Stack>
  );
}
