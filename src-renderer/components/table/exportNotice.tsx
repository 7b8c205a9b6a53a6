/** The notice after a list was written to a file in the desktop: where, and 打开文件 / 在文件夹中显示. */
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Api } from '../../api/client';
import { notifyError, notifyOk } from '../../api/notify';

export { notifyError, notifyOk };

export function notifySavedFile(api: Api, title: string, path: string): void {
  notifications.show({
    color: 'teal',
    title,
    autoClose: 10_000,
    message: (
      <>
        <Text size="sm">{path}</Text>
        <Group mt={6} gap="xs">
          {api.openFile && (
            <Button size="compact-sm" variant="light" onClick={() => void api.openFile?.(path).catch(notifyError)}>
              打开文件
            </Button>
          )}
          <Button size="compact-sm" variant="light" onClick={() => void api.showInFolder(path).catch(notifyError)}>
            在文件夹中显示
          </Button>
        </Group>
      </>
    ),
  });
}
