/** The Chinese application menu. Standard roles keep the platform's own shortcuts. */
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

export const APP_TITLE = '政务信息编印台';

export function buildMenu(getWindow: () => BrowserWindow | null, dbPath: string, dev: boolean): Menu {
  const about = async () => {
    const options = {
      type: 'info' as const,
      title: `关于 ${APP_TITLE}`,
      message: `${APP_TITLE} Bulletin Desk`,
      detail: `版本 ${app.getVersion()}\n数据库：${dbPath}`,
      buttons: ['确定'],
    };
    const win = getWindow();
    await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  };
  const template: MenuItemConstructorOptions[] = [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        // Reloading drops unsaved edits in the page, so users only get it while developing.
        ...(dev
          ? ([{ role: 'reload', label: '重新加载' }, { role: 'toggleDevTools', label: '开发者工具' }, { type: 'separator' }] as const)
          : []),
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    { label: '帮助', submenu: [{ label: `关于 ${APP_TITLE}`, click: () => void about() }] },
  ];
  return Menu.buildFromTemplate(template);
}
