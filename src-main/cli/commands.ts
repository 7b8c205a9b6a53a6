/**
 * Every `bulletin` command: its words, its help in Chinese and English, and how its arguments
 * map onto one API entry (one file per subject under commands/). Parsing and printing only;
 * the work is the API table's.
 */
import type { CommandSpec } from './spec';
import { appCommands } from './commands/app';
import { articleCommands } from './commands/articles';
import { issueCommands } from './commands/issues';
import { seriesCommands } from './commands/series';
import { unitCommands } from './commands/units';
import { packetCommands } from './commands/packets';
import { searchCommands } from './commands/search';
import { intakeCommands } from './commands/intake';
import { scoringCommands } from './commands/scoring';
import { archiveCommands, backupCommands, checkCommands } from './commands/backups';
import { auditCommands } from './commands/audit';
import { setupCommands } from './commands/setup';
import { yearExportCommands } from './commands/year-export';
import { proofCommands } from './commands/proof';
import { statsCommands } from './commands/stats';
import { adoptionSheetCommands } from './commands/adoption-sheet';
// desk (issue 15): batch actions and list export
import { deskCommands } from './commands/desk';
// dashboard, commission notices, instruction follow-up (issue 16, branch dash)
import { followupCommands } from './commands/followup';
// issue 16 parts 4–5: liaison officers and urgent events
import { liaisonCommands } from './commands/liaison';
// issue 17: the loop with the city office
import { packetLoopCommands } from './commands/packet-loop';
// issue 19: pictures kept with drafts
import { pictureCommands } from './commands/pictures';
// issue 15: a draft's category
import { draftCategoryCommands } from './commands/draft-category';

export const COMMANDS: readonly CommandSpec[] = [
  ...appCommands,
  ...seriesCommands,
  ...unitCommands,
  ...articleCommands,
  ...issueCommands,
  ...yearExportCommands,
  ...packetCommands,
  ...searchCommands,
  ...intakeCommands,
  ...scoringCommands,
  ...statsCommands,
  ...backupCommands,
  ...checkCommands,
  ...archiveCommands,
  ...auditCommands,
  ...setupCommands,
  ...proofCommands,
  ...adoptionSheetCommands,
  // desk (issue 15): batch actions and list export
  ...deskCommands,
  // dashboard, commission notices, instruction follow-up (issue 16, branch dash)
  ...followupCommands,
  // issue 16 parts 4–5: liaison officers and urgent events
  ...liaisonCommands,
  // issue 17: the loop with the city office
  ...packetLoopCommands,
  // issue 19: pictures kept with drafts
  ...pictureCommands,
  // issue 15: a draft's category
  ...draftCategoryCommands,
];
