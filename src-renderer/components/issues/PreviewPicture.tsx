/** A placed picture in the paged preview (issue 19): as tall as the model counts it, as wide as it prints, framed like the print. */
import type { CSSProperties } from 'react';
import type { LaidLine } from '../../../src-main/api/layout-types';
import { usePictureUrl } from '../../hooks/usePictureUrl';

export function PreviewPicture({ line, style }: { line: LaidLine & { picture: { id: number; width: number } }; style: CSSProperties }) {
  const { url } = usePictureUrl(line.picture.id);
  return (
    <div style={{ ...style, display: 'flex', alignItems: 'center', justifyContent: 'center' }} data-kind="picture" data-testid="preview-picture">
      {url ? (
        <img src={url} alt="" style={{ width: `${line.picture.width * 100}%`, maxHeight: '100%', objectFit: 'contain', border: '0.75pt solid #000' }} />
      ) : (
        <span style={{ color: '#888' }}>（图片）</span>
      )}
    </div>
  );
}
