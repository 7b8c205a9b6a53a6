/** The pictures kept with a draft (issue 19), under its text in the register's detail. */
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useApi } from '../../api/context';
import { useLoad } from '../../hooks/useLoad';
import { PictureThumb } from '../pictures/PictureThumb';

const PICTURE_ONLY_MARK = '图片稿';

export function DraftPictures({ submissionId, title, version }: { submissionId: number; title: string; version: number }) {
  const api = useApi();
  const pics = useLoad(() => api.call('submissionPictures', { id: submissionId }), [api, submissionId, version]);
  const pictureOnly = title.startsWith(PICTURE_ONLY_MARK);
  if (!pics.data || (pics.data.length === 0 && !pictureOnly)) return null;
  return (
    <Stack gap={6} data-testid="draft-pictures">
      <Group gap={6}>
        <Text size="sm" fw={600}>
          来稿图片 {pics.data.length} 张
        </Text>
        {pictureOnly && (
          <Badge size="sm" color="grape" data-testid="picture-only-badge">
            图片稿
          </Badge>
        )}
      </Group>
      {pics.data.length > 0 ? (
        <Group gap="sm" align="flex-start">
          {pics.data.map((p) => (
            <PictureThumb key={p.id} picture={p} />
          ))}
        </Group>
      ) : (
        <Text size="xs" c="dimmed">图片链接到文件以外，未随文件发来。</Text>
      )}
      <Text size="xs" c="dimmed">
        图片随来稿原样保存。编辑成信息后，可在稿件编辑器中把图片放入正文；刊物设置“允许印发图片”后才印入 Word 文件。
      </Text>
    </Stack>
  );
}
