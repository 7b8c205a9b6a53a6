/**
 * Proofreading as the user types (issue 18). The checker is pure (src-main/proof) and runs here,
 * in the page, when typing pauses — the same checker the doors run, never a copy. What it needs
 * from the database (the 规范提法 list in force, the item's ignored findings) is loaded once per
 * item through the API (proofSetup); ignoring a finding goes through proofIgnore.
 */
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { cleanText } from '../../src-main/api/text';
import { checkItem, type Finding, type ProofOptions } from '../../src-main/proof';
import { useApi } from '../api/context';
import { notifyError } from '../api/notify';

/** Where each paragraph parseBody makes of the body starts in the raw text; null when cleaning changed it. */
export function paragraphOffsets(body: string): Array<{ text: string; offset: number | null }> {
  const out: Array<{ text: string; offset: number | null }> = [];
  let at = 0;
  for (const line of body.split('\n')) {
    const lead = /^[\s\u3000]*/.exec(line)![0].length;
    const text = line.slice(lead).replace(/[\s\u3000]+$/, '');
    if (text) {
      const clean = cleanText(text);
      out.push({ text: clean, offset: clean === text ? at + lead : null });
    }
    at += line.length + 1;
  }
  return out;
}

export interface ProofState {
  findings: Finding[];
  /** Offsets of the body's paragraphs in the text box, for underlines and fixes. */
  offsets: Array<{ text: string; offset: number | null }>;
  ignore: (f: Finding) => Promise<void>;
  ready: boolean;
}

export function useProofreading(articleId: number | null, title: string, body: string): ProofState {
  const api = useApi();
  const [options, setOptions] = useState<ProofOptions | null>(null);
  const [ignored, setIgnored] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    let live = true;
    api.call('proofSetup', articleId === null ? {} : { id: articleId }).then(
      (s) => {
        if (!live) return;
        setOptions({ wording: s.wording.entries, thousands: s.wording.thousands });
        setIgnored(new Set(s.ignored));
      },
      // Without the office's list the check still runs on the rules themselves.
      () => live && setOptions({}),
    );
    return () => {
      live = false;
    };
  }, [api, articleId]);

  // A pause of 250 ms: the check of a 10,000-character item takes a few milliseconds (npm run
  // bench), so the text box never waits for it.
  const [text] = useDebouncedValue(JSON.stringify([title, body]), 250);
  const result = useMemo(() => {
    const [t, b] = JSON.parse(text) as [string, string];
    const offsets = paragraphOffsets(b);
    if (!options) return { findings: [], offsets };
    return { findings: checkItem({ title: t, paragraphs: offsets }, options, ignored), offsets };
  }, [text, options, ignored]);

  const ignore = useCallback(
    async (f: Finding) => {
      if (articleId === null) return;
      try {
        const s = await api.call('proofIgnore', { id: articleId, key: f.key });
        setIgnored(new Set(s.ignored));
      } catch (e) {
        notifyError(e, '未能忽略');
      }
    },
    [api, articleId],
  );

  // Findings are for the text as it was checked: stale ones (the user typed since) are hidden
  // by the caller comparing the text, so a fix never lands on moved text.
  const fresh = text === JSON.stringify([title, body]);
  return { findings: fresh ? result.findings : [], offsets: result.offsets, ignore, ready: options !== null && fresh };
}

/**
 * The title and body with the given findings' fixes applied, from the end backwards so the
 * earlier offsets hold; overlapping fixes after the first are skipped.
 */
export function applyInEditor(title: string, body: string, findings: readonly Finding[], offsets: ProofState['offsets']): { title: string; body: string } {
  const spans: Array<{ inTitle: boolean; start: number; end: number; fix: string }> = [];
  for (const f of findings) {
    if (f.fix === undefined) continue;
    if (f.paragraph === null) spans.push({ inTitle: true, start: f.start, end: f.end, fix: f.fix });
    else {
      const o = offsets[f.paragraph]?.offset;
      if (o === null || o === undefined) continue;
      spans.push({ inTitle: false, start: o + f.start, end: o + f.end, fix: f.fix });
    }
  }
  const apply = (text: string, list: typeof spans) => {
    let out = text;
    let floor = Infinity;
    for (const s of [...list].sort((a, b) => b.start - a.start || b.end - a.end)) {
      if (s.end > floor) continue;
      out = out.slice(0, s.start) + s.fix + out.slice(s.end);
      floor = s.start;
    }
    return out;
  };
  return { title: apply(title, spans.filter((s) => s.inTitle)), body: apply(body, spans.filter((s) => !s.inTitle)) };
}
