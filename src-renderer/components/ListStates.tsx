/**
 * What a filtered list shows around its table: the load refusal, a spinner on the first load,
 * why it is empty (nothing yet, or nothing matching), and 显示更多 when a page is full.
 */
import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ListLimit } from '../hooks/useListLimit';
import type { Loaded } from '../hooks/useLoad';
import { EmptyHint } from './EmptyHint';

export function ListStates(props: {
  list: Pick<Loaded<unknown>, 'data' | 'loading' | 'error'>;
  rows: number;
  errorTitle: string;
  filtered: boolean;
  /** What the list holds, as in 没有符合条件的{noun}. */
  noun: string;
  /** The hint for a list with nothing in it at all. */
  children: ReactNode;
}) {
  const { list } = props;
  return (
    <>
      {list.error && (
        <Alert color="red" mt="md" title={props.errorTitle}>
          {list.error}
        </Alert>
      )}
      {list.loading && !list.data && <Loader m="xl" />}
      {list.data !== undefined && props.rows === 0 && (props.filtered ? <EmptyHint title={`没有符合条件的${props.noun}`}>请放宽筛选条件，或点“清除筛选”。</EmptyHint> : props.children)}
    </>
  );
}

/** Shown only when the list filled its page, so there may be more behind it. */
export function ListMore({ rows, paging, counter }: { rows: number; paging: ListLimit; counter: string }) {
  if (rows < paging.limit) return null;
  return (
    <Group justify="center" my="md">
      <Text size="sm" c="dimmed">
        已显示 {rows} {counter}。
      </Text>
      {paging.canGrow ? (
        <Button variant="default" size="xs" onClick={paging.more}>
          显示更多
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          请用筛选条件缩小范围。
        </Text>
      )}
    </Group>
  );
}
