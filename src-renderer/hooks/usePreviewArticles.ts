/**
 * The bodies an issue preview needs. An issue lists its items without their text, so each is
 * fetched once with articleGet and kept while the issue is open (add/reorder reuse them).
 */
import { useEffect, useState } from 'react';
import type { Paragraph } from '../../src-main/api/text';
import type { Issue } from '../../src-main/api/types';
import { useApi } from '../api/context';
import type { PreviewArticle } from '../components/issues/PagePreview';

export function usePreviewArticles(issue: Issue | undefined): PreviewArticle[] {
  const api = useApi();
  const [bodies, setBodies] = useState<ReadonlyMap<number, Paragraph[]>>(new Map());
  const ids = issue?.articles.map((a) => a.id) ?? [];
  const missing = ids.filter((id) => !bodies.has(id));
  const missingKey = missing.join(',');

  useEffect(() => {
    if (!missingKey) return;
    let live = true;
    const wanted = missingKey.split(',').map(Number);
    Promise.all(
      wanted.map((id) =>
        api.call('articleGet', { id }).then(
          (a): [number, Paragraph[]] => [id, a.paragraphs],
          (): [number, Paragraph[]] => [id, [{ level: 0, text: '（正文无法载入）' }]],
        ),
      ),
    ).then((loaded) => {
      if (!live) return;
      setBodies((prev) => {
        const next = new Map(prev);
        for (const [id, ps] of loaded) next.set(id, ps);
        return next;
      });
    });
    return () => {
      live = false;
    };
  }, [api, missingKey]);

  return (issue?.articles ?? []).map((a) => ({ id: a.id, title: a.title, unit: a.unit, paragraphs: bodies.get(a.id) ?? null }));
}
