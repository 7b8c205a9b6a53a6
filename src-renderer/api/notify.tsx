/** Result and refusal notices: the API's Chinese message is shown as it is, never reworded. */
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import type { Api, SavedFile } from './client';

export function errorMessage(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  return '操作没有完成，原因不明。请重试；若仍出现，请告诉维护人员。';
}

export function notifyError(e: unknown, title = '操作未完成'): void {
  notifications.show({ color: 'red', title, message: errorMessage(e), autoClose: 8000 });
}

/** Stays until closed: something the user must read (e.g. another database's backup was restored). */
export function notifyWarning(message: ReactNode, title = '注意'): void {
  notifications.show({ color: 'orange', title, message, autoClose: false });
}

export function notifyOk(message: ReactNode, title?: string): void {
  notifications.show({ color: 'teal', title, message, autoClose: 4000 });
}

export function notifySaved(api: Api, file: SavedFile): void {
  notifications.show({
    color: 'teal',
    title: file.archived ? '已导出存档原件' : '已导出 Word 文件',
    autoClose: 10_000,
    message: (
      <>
        <Text size="sm">{file.canShowInFolder ? file.path : `已下载：${file.fileName}`}</Text>
        {file.archived && (
          <Text size="sm" c="dimmed">
            存档原件，与签发时逐字节相同。
          </Text>
        )}
        {file.canShowInFolder && (
          <Group mt={6} gap="xs">
            {api.openFile && (
              <Button size="compact-sm" variant="light" onClick={() => void api.openFile?.(file.path).catch(notifyError)}>
                打开文件
              </Button>
            )}
            <Button size="compact-sm" variant="light" onClick={() => void api.showInFolder(file.path).catch(notifyError)}>
              在文件夹中显示
            </Button>
          </Group>
        )}
      </>
    ),
  });
}

/** Runs an API action, reports a refusal in red, and hands back the result (or undefined). */
export async function attempt<T>(action: () => Promise<T>, errorTitle?: string): Promise<T | undefined> {
  try {
    return await action();
  } catch (e) {
    notifyError(e, errorTitle);
    return undefined;
  }
}
