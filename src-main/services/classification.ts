/**
 * 密级 against the series: a series states the highest classification it may print, and an
 * item above it is refused when it is added to an issue, and again at submit and sign (its
 * classification may have been raised while it sat in the draft). One wording for the API's
 * refusals and for the composer's greyed-out rows.
 */
import { ApiError } from '../api/errors';
import { CLASSIFICATION_LABELS, CLASSIFICATIONS, type Classification } from '../api/schemas';

export interface SeriesLevel {
  name: string;
  max_classification: Classification;
}

interface Item {
  id: number;
  title: string;
  classification: Classification;
}

const rank = (c: Classification) => CLASSIFICATIONS.indexOf(c);

/** Why an item of this classification cannot go into the series, or null when it may. */
export function classificationBlock(series: SeriesLevel, classification: Classification): string | null {
  if (rank(classification) <= rank(series.max_classification)) return null;
  const level = CLASSIFICATION_LABELS[series.max_classification];
  const advice = classification === 'classified' ? '涉密信息只能编入允许涉密的刊物' : `请编入允许${CLASSIFICATION_LABELS[classification]}信息的刊物`;
  return `密级为“${CLASSIFICATION_LABELS[classification]}”，高于《${series.name}》可刊印的最高密级“${level}”；${advice}`;
}

/** Refuses the step when any item is above the series' level, naming each such item and why. */
export function assertWithinSeriesLevel(series: SeriesLevel, items: readonly Item[], action: string): void {
  const above = items.filter((a) => classificationBlock(series, a.classification) !== null);
  if (above.length === 0) return;
  const named = above.map((a) => `信息 ${a.id}“${a.title}”（${CLASSIFICATION_LABELS[a.classification]}）`).join('、');
  const level = CLASSIFICATION_LABELS[series.max_classification];
  throw new ApiError(
    'INVALID_STATE',
    `不能${action}：${named}的密级高于《${series.name}》可刊印的最高密级“${level}”。` +
      '请把它移出本期、改编入允许该密级的刊物，或核对它的密级；如本刊确可刊印，请在“设置”中调整刊物的最高密级。',
  );
}
