/**
 * 签发: shows, before anything happens, the number this issue will get (issueNextNumber for the
 * chosen date), how many pages it prints (issueLayout), the characters the office fonts may not
 * show (issueCoverage, a warning), takes the signer's name, and warns that signing cannot be
 * undone. The number actually given is the one issueSign answers, and that is the one announced.
 */
import { Alert, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { CoverageReport } from '../../../src-main/api/coverage-types';
import type { Issue, NextNumber } from '../../../src-main/api/types';
import { useApi } from '../../api/context';
import { errorMessage, notifyOk } from '../../api/notify';
import { formatDate, isCompleteDate, issueLabel, issueShortLabel, nextNumberLabel } from '../../format';
import { useSubmit } from '../../hooks/useSubmit';
import { DialogFooter } from '../common/DialogFooter';
import { CoverageWarning } from './CoverageWarning';
import { DateField } from '../common/DateField';

const SIGNER_KEY = 'bulletin.lastSigner';

function lastSigner(): string {
  try {
    return localStorage.getItem(SIGNER_KEY) ?? '';
  } catch {
    return '';
  }
}

export interface SignDialogProps {
  issue: Issue;
  opened: boolean;
  onClose: () => void;
  onSigned: (issue: Issue) => void;
}

export function SignDialog({ issue, opened, onClose, onSigned }: SignDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="签发" size="lg" centered>
      {opened && <SignForm issue={issue} onClose={onClose} onSigned={onSigned} />}
    </Modal>
  );
}

function SignForm({ issue, onClose, onSigned }: Omit<SignDialogProps, 'opened'>) {
  const api = useApi();
  const [signer, setSigner] = useState(lastSigner);
  // The signer of the series' latest signed issue, offered when this PC has none remembered
  // (another PC, a browser, a cleared profile): the database remembers who signed.
  useEffect(() => {
    if (lastSigner()) return;
    let live = true;
    api.call('issueList', { series: issue.seriesId, status: 'signed', sort: 'date', dir: 'desc', limit: 1 }).then(
      (p) => {
        const name = p.rows[0]?.signedBy;
        if (live && name) setSigner((s) => s || name);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, issue.seriesId]);
  const [date, setDate] = useState(issue.date);
  const [next, setNext] = useState<NextNumber | null>(null);
  const [nextError, setNextError] = useState<string | null>(null);
  const [signerMissing, setSignerMissing] = useState(false);
  const { busy: signing, error: signError, submit } = useSubmit();

  const [queryDate] = useDebouncedValue(date, 300);
  const [pages, setPages] = useState<number | null>(null);
  const [coverage, setCoverage] = useState<CoverageReport | null>(null);

  // Both are read once: the issue cannot change while it waits in review. Either may fail
  // (the page count before the pagination model exists); signing does not depend on them.
  useEffect(() => {
    let live = true;
    api.call('issueLayout', { id: issue.id }).then(
      (l) => live && setPages(l.pageCount),
      () => undefined,
    );
    api.call('issueCoverage', { id: issue.id }).then(
      (r) => live && setCoverage(r),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, issue.id]);

  useEffect(() => {
    if (!isCompleteDate(queryDate)) return;
    let live = true;
    setNext(null);
    setNextError(null);
    api.call('issueNextNumber', { id: issue.id, date: queryDate }).then(
      (n) => live && setNext(n),
      (e: unknown) => live && setNextError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [api, issue.id, queryDate]);

  const sign = async () => {
    if (!signer.trim()) {
      setSignerMissing(true);
      return;
    }
    await submit(async () => {
      const signed = await api.call('issueSign', { id: issue.id, signedBy: signer, date });
      try {
        localStorage.setItem(SIGNER_KEY, signer.trim());
      } catch {
        // Only a convenience for next time.
      }
      notifyOk(`${issueLabel(signed)}，签发人：${signed.signedBy ?? signer}`, `已签发：${issueShortLabel(signed)}`);
      onSigned(signed);
    });
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        《{issue.series}》草稿 #{issue.id}，共 {issue.articles.length} 条信息
        {pages !== null && <span data-testid="sign-pages">，共 {pages} 页</span>}
      </Text>
      <Stack gap={4} align="center" py="sm" style={{ background: 'var(--mantine-color-gray-0)', borderRadius: 6 }}>
        {next ? (
          <Text fz={22} fw={700} ta="center" data-testid="next-number">
            签发后本期将编为 {nextNumberLabel(next)}
          </Text>
        ) : nextError ? (
          <Text c="red" ta="center" px="md" data-testid="next-number-error">
            {nextError}
          </Text>
        ) : (
          <Loader size="sm" />
        )}
        <Text size="sm" c="dimmed">
          签发日期 {formatDate(date)}
        </Text>
      </Stack>

      <CoverageWarning report={coverage} title="签发前请注意" />

      <Group grow align="flex-start">
        <TextInput
          label="签发人"
          placeholder="签发领导的姓名"
          withAsterisk
          value={signer}
          onChange={(e) => {
            setSigner(e.currentTarget.value);
            setSignerMissing(false);
          }}
          error={signerMissing ? '请填写签发人' : undefined}
          data-autofocus
          data-testid="sign-signer"
        />
        <DateField
          label="签发日期"
          value={date}
          onChange={(v) => setDate(v)}
          description="改动日期会重新计算期号"
          data-testid="sign-date"
        />
      </Group>

      <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="签发后不可修改">
        签发即给本期编号并存档。签发后本期内容和期号都不能再改；如发现错误，只能作废本期（期号保留、不再使用）或在新的一期中刊发更正。
      </Alert>
      <DialogFooter
        error={signError}
        errorTitle="未能签发"
        errorTestId="sign-error"
        onCancel={onClose}
        confirm={{ label: '确认签发', onClick: () => void sign(), busy: signing, color: 'green', testId: 'sign-confirm' }}
      />
    </Stack>
  );
}
