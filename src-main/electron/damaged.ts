/**
 * When the start-up check finds the database damaged: say so plainly and offer the newest backup
 * that passes its own check. The damaged file is never written to; restoring keeps it, byte for
 * byte, as the before-restore copy.
 */
import { dialog } from 'electron';
import { toApiError } from '../wiring/dispatch';
import { localTimeLabel } from '../api/display';
import { identityOfFile, newestGoodBackup } from '../store/inspect';
import { backupDirFor } from '../store/backup-names';
import type { Logger } from '../log/logger';
import { restoreUnopened } from '../services/backups';

/** True when a backup was restored and the database can be opened again. */
export async function offerRestore(dbPath: string, message: string, logger: Logger): Promise<boolean> {
  // Only this database's own backups are offered: the data folder's backups/ may hold others'.
  const good = newestGoodBackup(backupDirFor(dbPath), identityOfFile(dbPath));
  if (!good) {
    dialog.showErrorBox('数据库已损坏', message);
    return false;
  }
  const answer = await dialog.showMessageBox({
    type: 'error',
    title: '数据库已损坏',
    message: '数据库已损坏，编印台不会再写入它。',
    detail: message,
    buttons: [`用最新的完好备份恢复（${localTimeLabel(good.at)}）`, '退出'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  });
  if (answer.response !== 0) return false;
  try {
    const done = await restoreUnopened(dbPath, { file: good.path, confirm: true }, new Date());
    logger.event('INFO', 'restore', { damaged: true, fromVersion: done.fromVersion });
    await dialog.showMessageBox({
      type: 'info',
      title: '已恢复',
      message: `已用备份“${good.name}”恢复数据库。`,
      detail: `${localTimeLabel(good.at)}以后录入的内容不在这份备份里，请核对后补录。损坏的数据库已另存为“${done.undoBackup ?? '（无）'}”，请保留它，以便维护人员查看。`,
      buttons: ['确定'],
    });
    return true;
  } catch (e) {
    const err = toApiError(e);
    logger.event('ERROR', 'restore', { damaged: true, code: err.code });
    dialog.showErrorBox('恢复未完成', err.message);
    return false;
  }
}
