/**
 * The body as it will print: one row per paragraph, each heading line labelled with its level
 * and set in its printed face, so the editor sees at once what the text box's lines become.
 * A table is shown as a grid that edits it (TableGrid, issue 19) when `onTableChange` is given.
 */
import { Badge, Box, Group, Stack, Text } from '@mantine/core';
import type { BodyTable } from '../../../src-main/api/body-tables';
import { parseBody, type HeadingLevel } from '../../../src-main/api/text';
import { TableGrid } from './TableGrid';

export const LEVEL_LABELS: Record<HeadingLevel, string> = {
  0: '正文',
  1: '一级标题',
  2: '二级标题',
  3: '三级标题',
  4: '四级标题',
};

const LEVEL_COLORS: Record<HeadingLevel, string> = { 0: 'gray', 1: 'indigo', 2: 'grape', 3: 'teal', 4: 'cyan' };

export interface BodyStructureProps {
  text: string;
  /** The `index`-th table of the body changed (null: removed); without it tables show read-only. */
  onTableChange?: (index: number, table: BodyTable | null) => void;
}

export function BodyStructure({ text, onTableChange }: BodyStructureProps) {
  const paragraphs = parseBody(text);
  let tables = 0;
  if (paragraphs.length === 0) {
    return (
      <Text c="dimmed" size="sm" data-testid="body-structure">
        正文每行是一段。以“一、”“（一）”“1.”“（1）”开头的行会自动识别为一至四级标题，并在这里按印刷样式显示。
      </Text>
    );
  }
  return (
    <Stack gap={6} data-testid="body-structure">
      {paragraphs.map((p, i) => {
        if (p.table) {
          const k = tables++;
          return <TableGrid key={`t${k}`} table={p.table} index={k} readOnly={!onTableChange} onChange={(t) => onTableChange?.(k, t)} />;
        }
        return (
          <Group key={i} gap="xs" wrap="nowrap" align="flex-start" data-testid="body-line" data-level={p.level}>
            <Badge
              size="sm"
              variant={p.level === 0 ? 'outline' : 'light'}
              color={LEVEL_COLORS[p.level]}
              w={68}
              style={{ flex: 'none', marginTop: 4 }}
              data-testid="body-line-level"
            >
              {LEVEL_LABELS[p.level]}
            </Badge>
            <Box className={`bd-level-${p.level}`} style={{ fontSize: 16, lineHeight: 1.75, minWidth: 0, overflowWrap: 'anywhere' }}>
              {p.text}
            </Box>
          </Group>
        );
      })}
    </Stack>
  );
}
