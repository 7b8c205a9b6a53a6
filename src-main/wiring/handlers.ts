/**
 * The services behind each entry of the contract. The type below makes the compiler check that
 * every operation has exactly one handler with the contract's argument and result types.
 */
import type { OpArgs, OpName, OpResult } from '../api/contract';
import type { Ctx } from '../services/context';
import * as scoring from '../services/scoring';
import * as scoringRecords from '../services/scoring-records';
import * as scoringDuties from '../services/scoring-duties';
import * as scoringRules from '../services/scoring-rules';
import * as series from '../services/series';
import * as units from '../services/units';
import * as unitImport from '../services/unit-import';
import * as articles from '../services/articles';
import * as issues from '../services/issues';
import * as archive from '../services/archive';
import * as layout from '../services/layout';
import * as packets from '../services/packets';
import * as packetHistory from '../services/packet-history';
import * as settings from '../services/settings';
import * as searching from '../services/search';
import { searchReindex, searchReindexStatus } from '../services/search-reindex';
import * as submissions from '../services/submissions';
import * as submissionImport from '../services/submission-import';
import * as submissionCorrect from '../services/submission-correct';
import * as backups from '../services/backups';
import * as coverage from '../services/coverage';
import { verifyArchive } from '../store/seal';
import { checkDatabase } from '../services/write-gate';
import * as audit from '../services/audit';
import * as setup from '../services/setup';
import * as yearExport from '../services/year-export';
import * as longTasks from '../services/long-tasks';
import * as drafts from '../services/drafts';
import * as yearStats from '../services/year-stats';
import * as adoptionImport from '../services/adoption-import';
// issue 17: the loop with the city office
import * as packetImport from '../services/packet-import';
import * as noticeExport from '../services/notice-export';
import * as noticeImport from '../services/notice-import';

import * as proofreading from '../services/proofreading';
import * as proofWording from '../services/proof-wording';
// desk (issue 15): batch actions and list export
import * as batch from '../services/batch';
import * as listExport from '../services/list-export';
// dashboard, commission notices, instruction follow-up (issue 16, branch dash)
import * as dashboardService from '../services/dashboard';
import * as commissionNotice from '../services/commission-notice';
import * as instructionFollowup from '../services/instruction-followup';
import * as instructionFollowupExport from '../services/instruction-followup-export';
// issue 16 parts 4–5: liaison officers and urgent events
import * as liaisons from '../services/liaisons';
import * as personScore from '../services/person-score';
import * as urgent from '../services/urgent';
// issue 19: pictures kept with drafts
import * as draftPictures from '../services/draft-pictures';
// issue 15: a draft's category
import { setSubmissionCategory } from '../services/submission-category';
// issue 15 (the house): the issue workflow split from services/issues.ts
import * as issueWorkflow from '../services/issue-workflow';

export type Handlers = { [K in OpName]: (ctx: Ctx, args: OpArgs<K>) => OpResult<K> | Promise<OpResult<K>> };

export const handlers: Handlers = {
  seriesAdd: series.addSeries,
  seriesUpdate: series.updateSeries,
  seriesList: (ctx) => series.listSeries(ctx),
  seriesGet: series.getSeries,

  unitAdd: units.addUnit,
  unitUpdate: units.updateUnit,
  unitList: units.listUnits,
  unitImport: unitImport.importUnits,
  unitExport: unitImport.exportUnits,
  unitXlsx: (ctx) => unitImport.unitXlsx(ctx),
  unitSheetRead: unitImport.readUnitSheet,

  articleAdd: articles.addArticle,
  articleEdit: articles.editArticle,
  articleGet: articles.getArticle,
  articleCoverage: coverage.articleCoverage,
  articleDelete: articles.deleteArticle,
  articleList: articles.listArticles,

  issueCreate: issues.createIssue,
  issueAddArticles: issues.addArticlesToIssue,
  issueRemoveArticle: issues.removeArticleFromIssue,
  issueReorder: issues.reorderIssue,
  issueSetDate: issues.setIssueDate,
  issueMarkBrief: issues.markBrief,
  issueSubmit: coverage.submitWithCoverage,
  issueCoverage: coverage.issueCoverage,
  issueWithdraw: issueWorkflow.withdrawIssue,
  issueNextNumber: issueWorkflow.previewNextNumber,
  issueSign: archive.signAndArchive,
  issueExport: archive.exportIssue,
  issueDocx: archive.issueDocx,
  issueVoid: issueWorkflow.voidIssue,
  issueLayout: layout.issueLayout,
  issueDelete: issues.deleteIssue,
  issueGet: issues.getIssue,
  issueList: issues.listIssues,

  packetExport: packets.exportPacket,
  packetList: packets.listPackets,
  packetVerify: packets.verifyPacketFile,
  packetFile: packets.packetFile,
  packetCandidates: packetHistory.packetCandidates,
  packetsForArticle: packetHistory.articlePackets,
  settingsGet: (ctx) => settings.getSettings(ctx),
  settingsSet: settings.setSettings,

  search: searching.search,
  searchReindex: (ctx) => searchReindex(ctx),
  searchReindexStatus: (ctx) => searchReindexStatus(ctx),

  submissionImport: submissionImport.importSubmission,
  submissionScan: submissionImport.scanFolder,
  submissionUpload: submissionImport.uploadSubmission,
  submissionAdd: submissions.addSubmission,
  submissionCorrect: submissionCorrect.correctSubmission,
  submissionCounts: submissions.countSubmissions,
  submissionGet: submissions.getSubmission,
  submissionList: submissions.listSubmissions,
  submissionOriginal: submissions.submissionOriginal,
  submissionEdit: submissions.editSubmission,
  submissionSetState: submissions.setSubmissionState,

  backupCreate: backups.createBackup,
  backupList: backups.listBackups,
  backupRestore: backups.restoreBackup,
  backupStatus: (ctx) => backups.backupStatus(ctx),
  archiveVerify: (ctx) => verifyArchive(ctx.db),
  databaseCheck: (ctx) => checkDatabase(ctx),

  articleSetUnits: scoringRecords.setArticleUnits,
  articleUnitsGet: scoringRecords.getArticleUnits,
  adoptionAdd: scoringRecords.addAdoption,
  adoptionList: scoringRecords.listAdoptions,
  adoptionDelete: scoringRecords.deleteAdoption,
  adoptionSheetRead: adoptionImport.readAdoptionSheet,
  adoptionSheetImport: adoptionImport.importAdoptionSheet,
  instructionAdd: scoringRecords.addInstruction,
  instructionList: scoringRecords.listInstructions,
  instructionDelete: scoringRecords.deleteInstruction,
  commissionAdd: scoringDuties.addCommission,
  commissionAnswer: scoringDuties.answerCommission,
  commissionList: scoringDuties.listCommissions,
  deductionAdd: scoringDuties.addDeduction,
  deductionList: scoringDuties.listDeductions,
  deductionDelete: scoringDuties.deleteDeduction,
  targetSet: scoringDuties.setTarget,
  targetList: scoringDuties.listTargets,
  rulesList: (ctx) => scoringRules.listRules(ctx),
  rulesGet: scoringRules.getRules,
  rulesAdd: scoringRules.addRules,
  score: scoring.score,
  scoreReport: scoring.scoreReport,
  scoreLedger: scoring.scoreLedger,
  circularExport: scoring.circularExport,
  circularFiles: scoring.circularFiles,
  statsYear: yearStats.statsYear,
  statsYearExport: yearStats.statsYearExport,
  statsYearFiles: yearStats.statsYearFiles,

  auditList: audit.listAudit,
  auditExport: audit.exportAudit,
  auditXlsx: audit.auditXlsx,
  operatorSet: audit.setOperator,

  setupState: (ctx) => setup.setupState(ctx),
  setupSave: setup.saveSetupDraft,
  setupComplete: setup.completeSetup,

  issueExportYear: yearExport.exportYear,
  exportProgress: longTasks.exportProgress,
  exportStop: longTasks.stopExport,

  proofCheck: proofreading.proofCheck,
  proofIgnore: proofreading.ignoreFinding,
  proofSetup: proofreading.proofSetup,
  proofWordingList: (ctx) => proofWording.listWording(ctx),
  proofWordingAdd: proofWording.addWording,

  draftSave: drafts.saveDraft,
  draftList: (ctx) => drafts.listDrafts(ctx),
  draftClear: drafts.clearDraft,

  // desk (issue 15): batch actions and list export
  submissionBatch: batch.submissionBatch,
  articleBatch: batch.articleBatch,
  listExport: listExport.exportList,
  listXlsx: listExport.listXlsx,
  // dashboard, commission notices, instruction follow-up (issue 16, branch dash)
  dashboard: dashboardService.dashboard,
  dashboardSettingsGet: (ctx) => dashboardService.readDashboardSettings(ctx),
  dashboardSettingsSet: dashboardService.setDashboardSettings,
  commissionGet: commissionNotice.getCommission,
  commissionNoticeSet: commissionNotice.setNotice,
  commissionDraft: commissionNotice.registerDraft,
  commissionNoticeExport: commissionNotice.exportNotice,
  commissionNoticeFile: commissionNotice.noticeDownload,
  commissionFlags: commissionNotice.listCommissionFlags,
  instructionFollowSet: instructionFollowup.setFollowup,
  instructionNote: instructionFollowup.addNote,
  instructionFeedback: instructionFollowup.recordFeedback,
  instructionFollowGet: instructionFollowup.getFollowup,
  instructionFollowList: (ctx, args) => instructionFollowup.listFollowups(ctx, args),
  instructionFeedbackFile: instructionFollowup.feedbackFile,
  instructionFollowExport: instructionFollowupExport.exportFollowups,
  instructionFollowFiles: instructionFollowupExport.followupFiles,
  // issue 16 parts 4–5: liaison officers and urgent events
  liaisonAdd: liaisons.addLiaison,
  liaisonEnd: liaisons.endLiaison,
  liaisonList: liaisons.listLiaisons,
  submissionAuthor: liaisons.getSubmissionAuthor,
  submissionAuthorSet: liaisons.setSubmissionAuthor,
  personScore: personScore.personScore,
  liaisonFees: personScore.liaisonFees,
  liaisonFeesExport: personScore.liaisonFeesExport,
  liaisonFeesFile: personScore.liaisonFeesFile,
  urgentAdd: urgent.addUrgent,
  urgentReport: urgent.reportUrgent,
  urgentList: urgent.listUrgent,
  urgentGet: urgent.getUrgent,
  urgentApply: urgent.applyUrgent,
  // issue 17: the loop with the city office
  packetImport: packetImport.importPacket,
  receivedPacketList: (ctx) => packetImport.listReceivedPackets(ctx),
  noticeExport: noticeExport.exportNotice,
  noticeImport: noticeImport.importNotice,
  // issue 19: pictures kept with drafts
  submissionPictures: draftPictures.listSubmissionPictures,
  articlePictures: draftPictures.listArticlePictures,
  pictureGet: draftPictures.getPicture,
  seriesPicturesGet: draftPictures.getSeriesPictures,
  seriesPicturesSet: draftPictures.setSeriesPictures,
  // issue 15: a draft's category
  submissionSetCategory: setSubmissionCategory,
};
