/**
 * The API table: every operation the UI can do, as one named entry with its zod input schema
 * and its result type (the entries live in ops/, one file per subject). The CLI, the Electron
 * IPC handler and the loopback HTTP bridge all dispatch through this table (see dispatch.ts);
 * nothing here touches the database, so the renderer may import it.
 */
import type { z } from 'zod';
import type { OpDef } from './ops/define';
import { articleOps } from './ops/articles';
import { issueOps } from './ops/issues';
import { seriesOps } from './ops/series';
import { unitOps } from './ops/units';
import { packetOps } from './ops/packets';
import { searchOps } from './ops/search';
import { submissionOps } from './ops/submissions';
import { backupOps } from './ops/backups';
import { scoringOps } from './ops/scoring';
import { auditOps } from './ops/audit';
import { setupOps } from './ops/setup';
import { yearExportOps } from './ops/year-export';
import { proofOps } from './ops/proof';
import { draftOps } from './ops/drafts';
import { statsOps } from './ops/stats';
import { adoptionSheetOps } from './ops/adoption-sheet';
// desk (issue 15): batch actions and list export
import { batchOps } from './ops/batch';
import { listExportOps } from './ops/list-export';
// dashboard, commission notices, instruction follow-up (issue 16, branch dash)
import { followupOps } from './ops/followup';
// issue 16 parts 4–5: liaison officers and urgent events
import { liaisonOps } from './ops/liaisons';
import { urgentOps } from './ops/urgent';
// issue 17: the loop with the city office
import { packetLoopOps } from './ops/packet-loop';
// issue 19: pictures kept with drafts
import { pictureOps } from './ops/pictures';
// issue 15: a draft's category
import { draftCategoryOps } from './ops/draft-category';

export type { OpDef };

export const contract = {
  ...seriesOps,
  ...unitOps,
  ...articleOps,
  ...issueOps,
  ...packetOps,
  ...searchOps,
  ...submissionOps,
  ...backupOps,
  ...scoringOps,
  ...auditOps,
  ...setupOps,
  ...yearExportOps,
  ...proofOps,
  ...draftOps,
  ...statsOps,
  ...adoptionSheetOps,
  // desk (issue 15): batch actions and list export
  ...batchOps,
  ...listExportOps,
  // dashboard, commission notices, instruction follow-up (issue 16, branch dash)
  ...followupOps,
  // issue 16 parts 4–5: liaison officers and urgent events
  ...liaisonOps,
  ...urgentOps,
  // issue 17: the loop with the city office
  ...packetLoopOps,
  // issue 19: pictures kept with drafts
  ...pictureOps,
  // issue 15: a draft's category
  ...draftCategoryOps,
} as const;


export type Contract = typeof contract;
export type OpName = keyof Contract;
/** What a caller sends (before defaults and cleaning). */
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
/** What a handler receives (validated and cleaned). */
export type OpArgs<K extends OpName> = z.output<Contract[K]['input']>;
export type OpResult<K extends OpName> = Contract[K] extends OpDef<z.ZodType, infer O> ? O : never;

/** The client view of the table: the shape every door offers to the renderer. */
export type BulletinApi = { [K in OpName]: (input: OpInput<K>) => Promise<OpResult<K>> };

export const OP_NAMES = Object.keys(contract) as OpName[];
export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
