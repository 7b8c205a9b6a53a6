/**
 * A zip to read (a packet, an adoption notice): chosen with the file picker, which in browser
 * mode is the only way (the page cannot hand a path over: the bytes are uploaded through the
 * bridge), or its path on this PC typed or pasted (Explorer's 复制为路径). The operation is
 * given one or the other (api/upload-source.ts).
 */
import { Button, FileButton, Group, Text, TextInput } from '@mantine/core';
import { IconFileUpload, IconX } from '@tabler/icons-react';
import { fileBase64 } from '../intake/UploadPicker';

export type ZipSource = { kind: 'path'; path: string } | { kind: 'upload'; file: File };

export const NO_SOURCE: ZipSource = { kind: 'path', path: '' };

export function hasSource(s: ZipSource): boolean {
  return s.kind === 'upload' || s.path.trim().replace(/^["'“”]+|["'“”]+$/g, '').trim() !== '';
}

/** What the operation takes: the typed path (quotes of 复制为路径 taken off), or the uploaded bytes. */
export async function sourceArgs(s: ZipSource): Promise<{ path: string } | { base64: string; fileName: string }> {
  if (s.kind === 'upload') return { base64: await fileBase64(s.file), fileName: s.file.name };
  return { path: s.path.trim().replace(/^["'“”]+|["'“”]+$/g, '').trim() };
}

export function ZipSourceField(props: { label: string; placeholder: string; value: ZipSource; onChange: (s: ZipSource) => void; testId: string; disabled?: boolean }) {
  const { value, onChange, testId } = props;
  return (
    <Group align="flex-end" wrap="nowrap" gap="sm">
      {value.kind === 'upload' ? (
        <Group style={{ flex: 1 }} gap="xs" wrap="nowrap" data-testid={`${testId}-chosen`}>
          <Text size="sm" truncate title={value.file.name}>
            已选择：{value.file.name}
          </Text>
          <Button size="compact-sm" variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={() => onChange(NO_SOURCE)} disabled={props.disabled}>
            换一个
          </Button>
        </Group>
      ) : (
        <TextInput
          style={{ flex: 1 }}
          label={props.label}
          description="选择文件，或填写它在本机（U 盘）上的路径"
          placeholder={props.placeholder}
          value={value.path}
          onChange={(e) => onChange({ kind: 'path', path: e.currentTarget.value })}
          disabled={props.disabled}
          data-testid={`${testId}-path`}
        />
      )}
      <FileButton onChange={(f) => f && onChange({ kind: 'upload', file: f })} accept=".zip" inputProps={{ 'data-testid': `${testId}-file` } as object}>
        {(p) => (
          <Button {...p} variant="default" leftSection={<IconFileUpload size={16} />} disabled={props.disabled}>
            选择文件…
          </Button>
        )}
      </FileButton>
    </Group>
  );
}
