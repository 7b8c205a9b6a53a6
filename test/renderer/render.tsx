// Shared by the renderer tests: Mantine and a fake API around a component under test.
import { MantineProvider } from '@mantine/core';
import { configure, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { OpInput, OpName, OpResult } from '../../src-main/api/contract';
import type { Api } from '../../src-renderer/api/client';
import { ApiProvider } from '../../src-renderer/api/context';
import { theme } from '../../src-renderer/theme';

// findBy… and waitFor give up after 1 s by default: too short when another test run shares the
// two cores. They return as soon as the page is right, so a long limit costs nothing.
configure({ asyncUtilTimeout: 20_000 });

export type FakeHandlers = { [K in OpName]?: (input: OpInput<K>) => OpResult<K> | Promise<OpResult<K>> };

/** A test double of the client: answers from `handlers`, records every call. */
export function fakeApi(handlers: FakeHandlers) {
  const calls: { op: OpName; input: unknown }[] = [];
  const api: Api = {
    mode: 'browser',
    async call<K extends OpName>(op: K, input: OpInput<K>): Promise<OpResult<K>> {
      calls.push({ op, input });
      const h = handlers[op] as ((i: OpInput<K>) => OpResult<K> | Promise<OpResult<K>>) | undefined;
      if (!h) throw new Error(`unexpected call ${op}`);
      return h(input);
    },
    saveIssueDocx: async () => null,
    showInFolder: async () => {},
  };
  return { api, calls };
}

export function renderWithApi(ui: ReactElement, api: Api) {
  return render(
    <MantineProvider theme={theme}>
      <ApiProvider api={api}>{ui}</ApiProvider>
    </MantineProvider>,
  );
}
