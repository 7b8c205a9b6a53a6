/**
 * The parts of the import dialog drawn once per file: a listed file with its unit picker, one
 * outcome line, and a count. Plain elements where a folder lists hundreds of files.
 */
import { Badge, Group, Stack, Text } from '@mantine/core';
import { memo, type CSSProperties, type ReactNode } from 'react';
import type { ImportResult, ScannedFile } from '../../../src-main/api/ops/submissions';

export interface FileOutcome {
  file: ScannedFile;
  status: ImportResult['status'];
  reason?: string;
  title?: string;
  unit?: string | null;
  submissionId?: number;
}

/** The option of a file's unit picker that opens 新增单位. */
export const NEW_UNIT = 'new';

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const CELL: CSSProperties = { padding: '4px 8px', borderBottom: '1px solid var(--mantine-color-gray-2)', verticalAlign: 'middle' };
const NAME: CSSProperties = { fontSize: 14, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };
const TAG: CSSProperties = { fontSize: 11, border: '1px solid', borderRadius: 4, padding: '0 4px', marginRight: 6, flexShrink: 0, lineHeight: '16px' };
// The whole reason, wrapped: it says what to do with the file (save as .docx…), so none of it is cut.
const REASON: CSSProperties = { fontSize: 12, color: 'var(--mantine-color-red-8)', whiteSpace: 'normal', overflowWrap: 'anywhere', lineHeight: 1.45 };
const SELECT: CSSProperties = {
  width: '100%',
  height: 26,
  fontSize: 12,
  padding: '0 4px',
  border: '1px solid var(--mantine-color-gray-4)',
  borderRadius: 4,
  background: 'var(--mantine-color-white)',
  color: 'inherit',
  fontFamily: 'inherit',
};

/**
 * One listed file. Plain elements and memo: a USB folder lists hundreds, and changing one
 * file's unit redraws that row only.
 */
export const FileRow = memo(function FileRow({
  file: f,
  unit,
  options,
  onUnit,
  onNewUnit,
}: {
  file: ScannedFile;
  unit: number | null;
  options: { value: string; label: string }[];
  onUnit: (path: string, unit: number | null) => void;
  onNewUnit: (file: ScannedFile) => void;
}) {
  const refused = f.format === 'refused';
  return (
    <tr data-testid="import-file-row" data-format={f.format}>
      <td style={CELL}>
        <div style={{ display: 'flex', alignItems: 'center', minWidth: 0 }}>
          <span style={{ ...TAG, color: refused ? 'var(--mantine-color-red-7)' : 'var(--mantine-color-indigo-7)' }}>
            {refused ? '拒收' : f.format === 'docx' ? 'Word' : '文本'}
          </span>
          <span style={NAME} title={f.name}>
            {f.name}
          </span>
        </div>
      </td>
      <td style={{ ...CELL, textAlign: 'right', fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>{sizeText(f.size)}</td>
      <td style={CELL}>
        {refused ? (
          <span style={REASON} data-testid="import-file-reason">
            {f.reason}
          </span>
        ) : (
          <select
            style={{ ...SELECT, borderColor: unit === null ? 'var(--mantine-color-orange-5)' : SELECT.borderColor }}
            value={unit === null ? '' : String(unit)}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (v === NEW_UNIT) onNewUnit(f);
              else onUnit(f.path, v ? Number(v) : null);
            }}
            aria-label={`${f.name} 的来稿单位`}
            data-testid="import-file-unit"
          >
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </td>
    </tr>
  );
});

export function Outcome({ o, color, tag, children }: { o: FileOutcome; color: string; tag: string; children?: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="import-outcome" data-status={o.status}>
      <Badge size="sm" variant="light" color={color.split('.')[0]} style={{ flexShrink: 0 }}>
        {tag}
      </Badge>
      <div style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" truncate title={o.file.name}>
          {o.file.name}
          {o.status === 'imported' && (
            <Text span size="sm" c="dimmed">
              {' '}→ 《{o.title}》，{o.unit ?? '未填单位'}
            </Text>
          )}
        </Text>
        {o.reason && o.status !== 'imported' && (
          <Text size="xs" c={color}>
            {o.reason}
          </Text>
        )}
      </div>
      {children}
    </Group>
  );
}

export function Stat({ label, value, color, testId }: { label: string; value: number; color: string; testId: string }) {
  return (
    <Stack gap={0} align="center" p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}>
      <Text fz={28} fw={700} c={color} data-testid={testId}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}
