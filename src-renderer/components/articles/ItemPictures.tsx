/**
 * 来稿图片 in the item editor (issue 19): the pictures of the draft the item was made from, each
 * placed into the body as a line of its own (【图片N】说明, api/body-pictures.ts) or taken out
 * again; and whether the issue's series prints pictures at all (允许印发图片, off by default).
 */
import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useRef } from 'react';
import { pictureFromLine, pictureLine } from '../../../src-main/api/body-pictures';
import type { ArticlePictures } from '../../../src-main/api/ops/pictures';
import { useApi } from '../../api/context';
import { useLoad } from '../../hooks/useLoad';
import { PictureThumb } from '../pictures/PictureThumb';

export interface ItemPicturesProps {
  articleId: number;
  body: string;
  readOnly: boolean;
  onBody: (body: string) => void;
}

function placedIds(body: string): Set<number> {
  return new Set(body.split('\n').flatMap((l) => pictureFromLine(l)?.id ?? []));
}

function printNote(info: ArticlePictures): { color: string; text: string } {
  if (!info.issue) return { color: 'gray', text: '本稿件尚未编入期刊。图片是否印入 Word 文件，取决于所编入刊物的“允许印发图片”设置（默认不印）。' };
  if (!info.issue.allowPictures) {
    return { color: 'yellow', text: `《${info.issue.series}》未允许印发图片：导出的 Word 文件不印图片，也不印图片说明。如需印发，请在“设置 → 刊物”中打开“允许印发图片”。` };
  }
  return { color: 'blue', text: `《${info.issue.series}》允许印发图片：放入正文的图片在版心宽度以内印出，加细边框，图下印图片说明。` };
}

/** The line goes after the line the caret was on (when the body box had the focus), else at the end. */
function insertAfterLine(body: string, caret: number | null, line: string): string {
  const text = body.replace(/\n+$/, '');
  if (caret === null || caret >= text.length) return text ? `${text}\n${line}` : line;
  const end = text.indexOf('\n', caret);
  return end < 0 ? `${text}\n${line}` : `${text.slice(0, end)}\n${line}${text.slice(end)}`;
}

/** Where the caret was in the body box when a button was pressed (pressing takes the focus away). */
function bodyCaret(): number | null {
  const el = document.activeElement;
  return el instanceof HTMLTextAreaElement && el.dataset.testid === 'article-body' ? el.selectionStart : null;
}

export function ItemPictures({ articleId, body, readOnly, onBody }: ItemPicturesProps) {
  const api = useApi();
  const caretRef = useRef<number | null>(null);
  const info = useLoad(() => api.call('articlePictures', { id: articleId }), [api, articleId]);
  if (!info.data || info.data.pictures.length === 0) return null;
  const placed = placedIds(body);
  const note = printNote(info.data);
  const place = (id: number, caption: string) => onBody(insertAfterLine(body, caretRef.current, pictureLine({ id, caption })));
  const remove = (id: number) => onBody(body.split('\n').filter((l) => pictureFromLine(l)?.id !== id).join('\n'));
  return (
    <Stack gap={6} data-testid="item-pictures">
      <Text size="sm" fw={600}>
        来稿图片 {info.data.pictures.length} 张
      </Text>
      <Alert color={note.color} py={6} data-testid="item-pictures-print">
        <Text size="xs">{note.text}</Text>
      </Alert>
      <Group gap="sm" align="flex-start">
        {info.data.pictures.map((p) => (
          <PictureThumb key={p.id} picture={p}>
            {placed.has(p.id) ? (
              <Group gap={4}>
                <Badge size="xs" color="green">
                  已放入正文
                </Badge>
                <Button size="compact-xs" variant="subtle" color="red" disabled={readOnly} onClick={() => remove(p.id)} data-testid="picture-remove">
                  移出
                </Button>
              </Group>
            ) : (
              <Button
                size="compact-xs"
                variant="light"
                disabled={readOnly}
                onMouseDown={() => (caretRef.current = bodyCaret())}
                onClick={() => place(p.id, p.caption)}
                data-testid="picture-place"
              >
                放入正文
              </Button>
            )}
            {!p.printable && (
              <Text size="xs" c="orange">
                此格式不能印入 Word 文件
              </Text>
            )}
          </PictureThumb>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        放入时，图片行“【图片编号】图片说明”加在正文光标所在段之后（未点正文时加在末尾）；可把这一行移到别处，也可修改说明。
      </Text>
    </Stack>
  );
}
