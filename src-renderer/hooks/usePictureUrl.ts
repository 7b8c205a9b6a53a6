/**
 * A kept picture shown on screen (issue 19): its bytes come through the API (in browser mode the
 * bridge's token guards them like any other answer) and are shown from a blob: URL typed with the
 * stored content type, which the page's CSP allows (img-src blob:). The URL is let go when the
 * picture leaves the screen.
 */
import { useEffect, useState } from 'react';
import { useApi } from '../api/context';

/** Types a browser shows; TIFF is kept and printed by no one here, so it gets a placeholder instead. */
const SHOWN = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/bmp']);

/** `contentType` when known beforehand (a listed picture): a type no browser shows is not fetched. */
export function usePictureUrl(id: number, contentType?: string): { url: string | null; error: boolean } {
  const api = useApi();
  const [state, setState] = useState<{ url: string | null; error: boolean }>({ url: null, error: false });
  useEffect(() => {
    if (contentType !== undefined && !SHOWN.has(contentType)) return;
    let url: string | null = null;
    let gone = false;
    api.call('pictureGet', { id }).then(
      (p) => {
        if (gone) return;
        if (!SHOWN.has(p.contentType)) return setState({ url: null, error: true });
        const bytes = Uint8Array.from(atob(p.base64), (c) => c.charCodeAt(0));
        url = URL.createObjectURL(new Blob([bytes], { type: p.contentType }));
        setState({ url, error: false });
      },
      () => !gone && setState({ url: null, error: true }),
    );
    return () => {
      gone = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [api, id, contentType]);
  return state;
}
