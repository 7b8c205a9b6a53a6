/**
 * 选择文件 / 拖放文件: browser mode has no path on this PC to type, so the files themselves are
 * chosen (a file input, files or a folder) or dropped here, then listed like a scanned folder and
 * sent one by one through the bridge (submissionUpload), which checks them as a folder's files
 * are checked. The desktop can use it too.
 */
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconFileUpload, IconFolderUp } from '@tabler/icons-react';
import { useRef, useState, type DragEvent } from 'react';
import type { ScannedFile } from '../../../src-main/api/ops/submissions';
import type { Unit } from '../../../src-main/api/types';
import { rankUnits } from '../../../src-main/api/unit-match';

export const UPLOAD_PREFIX = 'upload:';
const MAX_BYTES = 20 * 1024 * 1024;

/** The sender a file name seems to give (城关镇 in 城关镇-关于….docx), matched against the unit list. */
function guessFromName(name: string, units: readonly Unit[]): ScannedFile['guessedUnit'] {
  const base = name.replace(/\.[^.]+$/, '');
  const part = /^[【[〔［(（<《]([^】\]〕］)）>》]{1,60})/u.exec(base)?.[1] ?? base.split(/[-_—－–：:\s　]/u)[0] ?? '';
  if ([...part].length < 2) return null;
  const best = rankUnits(part, units.filter((u) => u.active))[0];
  return best ? { id: best.id, name: best.name } : null;
}

/** A chosen file as one row of the list; the bytes stay in the browser until it is sent. */
export function uploadedRows(files: readonly File[], units: readonly Unit[]): { rows: ScannedFile[]; byPath: Map<string, File> } {
  const byPath = new Map<string, File>();
  const rows = files.map((f, i): ScannedFile => {
    const path = `${UPLOAD_PREFIX}${i}:${f.name}`;
    byPath.set(path, f);
    const ext = /\.([^.]+)$/.exec(f.name)?.[1]?.toLowerCase();
    const base = { path, name: f.name, size: f.size, guessedUnit: null };
    if (f.size > MAX_BYTES) return { ...base, format: 'refused', reason: '文件超过 20 MB，不像一份来稿。请检查是否选错了文件。' };
    if (ext !== 'docx' && ext !== 'txt') {
      const old = ext === 'doc' || ext === 'wps';
      return { ...base, format: 'refused', reason: old ? `这是旧版 .${ext} 文件，无法直接导入。请用 Word 或 WPS 打开，另存为 .docx 后再导入。` : '只能导入 Word 文档（.docx）和文本文件（.txt）。' };
    }
    return { ...base, format: ext, guessedUnit: guessFromName(f.name, units) };
  });
  return { rows, byPath };
}

export async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** The files of a dropped folder, one level deep (as 导入文件夹 reads a folder). */
async function droppedFiles(e: DragEvent): Promise<File[]> {
  const entries = [...e.dataTransfer.items].map((it) => it.webkitGetAsEntry?.() ?? null);
  if (entries.every((x) => x === null)) return [...e.dataTransfer.files];
  const out: File[] = [];
  const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((res, rej) => entry.file(res, rej));
  for (const entry of entries) {
    if (!entry) continue;
    if (entry.isFile) out.push(await fileOf(entry as FileSystemFileEntry));
    else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      const children = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
      for (const c of children) if (c.isFile) out.push(await fileOf(c as FileSystemFileEntry));
    }
  }
  return out;
}

export function UploadPicker({ onFiles }: { onFiles: (files: File[]) => void }) {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (list: FileList | null) => list && list.length > 0 && onFiles([...list]);
  return (
    <Stack
      gap="xs"
      align="center"
      p="md"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void droppedFiles(e).then((fs) => fs.length > 0 && onFiles(fs));
      }}
      style={{ border: `2px dashed var(--mantine-color-${over ? 'indigo-5' : 'gray-4'})`, borderRadius: 6, background: over ? 'var(--mantine-color-indigo-0)' : undefined }}
      data-testid="import-drop"
    >
      <Text size="sm">把来稿文件或文件夹拖到这里，或</Text>
      <Group gap="sm">
        <Button variant="light" leftSection={<IconFileUpload size={16} />} onClick={() => files.current?.click()} data-testid="import-pick-files">
          选择文件…
        </Button>
        <Button variant="light" leftSection={<IconFolderUp size={16} />} onClick={() => folder.current?.click()} data-testid="import-pick-folder">
          选择文件夹…
        </Button>
      </Group>
      <input ref={files} type="file" multiple accept=".docx,.txt,.doc,.wps" hidden onChange={(e) => take(e.currentTarget.files)} data-testid="import-file-input" />
      <input
        ref={folder}
        type="file"
        hidden
        // The folder chooser is a non-standard attribute every current browser and Electron supports.
        {...{ webkitdirectory: '', directory: '' }}
        onChange={(e) => take(e.currentTarget.files)}
        data-testid="import-folder-input"
      />
    </Stack>
  );
}
