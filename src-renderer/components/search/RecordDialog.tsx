/**
 * The record a search hit on a follow-up record opens, over whatever page is open: a commission
 * or an instruction in the dialog the 工作台 opens them in, an urgent event or a liaison officer
 * in a dialog of its own.
 */
import type { SearchKind } from '../../../src-main/api/ops/search';
import { InstructionFollowDialog } from '../articles/InstructionFollowDialog';
import { LiaisonDialog } from '../settings/LiaisonDialog';
import { CommissionNoticeDialog } from '../stats/CommissionNoticeDialog';
import { UrgentEventDialog } from '../stats/UrgentEventDialog';

export type RecordKind = Extract<SearchKind, 'commission' | 'instruction' | 'liaison' | 'urgent'>;
export interface RecordRef {
  kind: RecordKind;
  id: number;
}

export const RECORD_KINDS: readonly RecordKind[] = ['commission', 'instruction', 'liaison', 'urgent'];

export function RecordDialog({ record, onClose }: { record: RecordRef | null; onClose: () => void }) {
  if (!record) return null;
  const { kind, id } = record;
  if (kind === 'commission') return <CommissionNoticeDialog key={id} id={id} onClose={onClose} />;
  if (kind === 'instruction') return <InstructionFollowDialog key={id} id={id} onClose={onClose} />;
  if (kind === 'urgent') return <UrgentEventDialog key={id} id={id} onClose={onClose} />;
  return <LiaisonDialog key={id} id={id} onClose={onClose} />;
}
