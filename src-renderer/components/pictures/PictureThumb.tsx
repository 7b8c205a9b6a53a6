/** One kept picture as a thumbnail with its caption (the register's draft and the item editor). */
import { Box, Image, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { DraftPictureInfo } from '../../../src-main/api/ops/pictures';
import { usePictureUrl } from '../../hooks/usePictureUrl';

export function PictureThumb({ picture, size = 120, children }: { picture: DraftPictureInfo; size?: number; children?: ReactNode }) {
  const { url, error } = usePictureUrl(picture.id, picture.contentType);
  const kind = picture.contentType.replace('image/', '').toUpperCase();
  return (
    <Stack gap={2} w={size} data-testid="picture-thumb" data-picture-id={picture.id}>
      <Box
        h={size * 0.75}
        style={{ border: '1px solid var(--mantine-color-gray-4)', display: 'flex', alignItems: 'center', justifyContent: 'center', overflow: 'hidden' }}
      >
        {url ? (
          <Image src={url} alt={picture.caption || `图片${picture.position}`} fit="contain" h="100%" w="100%" />
        ) : (
          <Text size="xs" c="dimmed" ta="center" px={4}>
            {error ? '图片读取失败' : picture.contentType === 'image/tiff' ? 'TIFF 图片（屏幕上不显示，可下载原件查看）' : '读取中…'}
          </Text>
        )}
      </Box>
      <Text size="xs" lineClamp={2} title={picture.caption}>
        {picture.caption || '（无图片说明）'}
      </Text>
      <Text size="xs" c="dimmed">
        【图片{picture.id}】{kind}
        {picture.width && picture.height ? ` ${picture.width}×${picture.height}` : ''}
      </Text>
      {children}
    </Stack>
  );
}
