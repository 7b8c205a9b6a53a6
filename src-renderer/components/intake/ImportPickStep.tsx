/**
 * The import dialog's first step: files chosen or dropped here (UploadPicker), or the path of a
 * folder typed, pasted or picked (浏览… in the desktop), to be listed for review.
 */
import { Button, Stack, Text, TextInput } from '@mantine/core';
import { IconFolderOpen } from '@tabler/icons-react';
import { useApi } from '../../api/context';
import { DialogFooter } from '../common/DialogFooter';
import { UploadPicker } from './UploadPicker';

export interface ImportPickStepProps {
  folder: string;
  onFolder: (v: string) => void;
  onList: () => void;
  onFiles: (files: File[]) => void;
  onCancel: () => void;
  scanning: boolean;
  error: string | null;
}

export function ImportPickStep({ folder, onFolder, onList, onFiles, onCancel, scanning, error }: ImportPickStepProps) {
  const api = useApi();
  return (
    <Stack gap="sm">
      <UploadPicker onFiles={onFiles} />
      <Text size="xs" c="dimmed" ta="center">
        或者输入 U 盘上来稿文件夹的路径：
      </Text>
      <TextInput
        rightSectionWidth={api.pickFolder ? 76 : undefined}
        rightSection={
          api.pickFolder ? (
            <Button size="compact-xs" variant="default" onClick={() => void api.pickFolder?.().then((f) => f && onFolder(f))} data-testid="import-browse">
              浏览…
            </Button>
          ) : undefined
        }
        label="文件夹路径"
        placeholder="例如 E:\来稿\11月第3周"
        leftSection={<IconFolderOpen size={16} />}
        value={folder}
        onChange={(e) => onFolder(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && onList()}
        data-autofocus
        data-testid="import-folder"
      />
      <Text size="xs" c="dimmed">
        在资源管理器中找到 U 盘上的来稿文件夹，按住 Shift 键右击它，选“复制为路径”，再粘贴到上面（两边的引号会自动去掉）。只导入这个文件夹里的文件，不含其中的子文件夹。
        可导入 Word 文档（.docx）和文本文件（.txt，UTF-8 或 GBK 编码）；旧版 .doc、.wps 等会列出来并说明如何另存为 .docx。
      </Text>
      <DialogFooter
        error={error}
        errorTitle="没有列出文件"
        errorTestId="import-error"
        onCancel={onCancel}
        confirm={{ label: '列出文件', onClick: onList, busy: scanning, testId: 'import-scan' }}
      />
    </Stack>
  );
}
