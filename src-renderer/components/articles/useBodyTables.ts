/**
 * The item editor's tables (issue 19), kept out of ArticleEditor: a spreadsheet selection pasted
 * into the body's text box becomes a table at the caret (the clipboard's HTML, else its tabs:
 * api/clipboard-table.ts), 插入表格 puts a new empty one there, and the grids' edits are written
 * back into the body's text. The body stays the text box's text throughout (tables as pipe lines).
 */
import { useRef, type ClipboardEvent } from 'react';
import type { BodyTable } from '../../../src-main/api/body-tables';
import { emptyTable, insertTable, replaceTable } from '../../../src-main/api/body-table-edit';
import { tableFromClipboard } from '../../../src-main/api/clipboard-table';
import { notifyOk } from '../../api/notify';

export function useBodyTables(setBody: (update: (body: string) => string) => void, readOnly: boolean) {
  const inputRef = useRef<HTMLTextAreaElement | null>(null);

  /** Puts `table` in place of the text box's selection and the caret after it. */
  const put = (table: BodyTable, start: number, end: number) => {
    let caret = 0;
    setBody((body) => {
      const out = insertTable(body.slice(0, start) + body.slice(end), start, table);
      caret = out.caret;
      return out.body;
    });
    // After React has put the new text in the box.
    requestAnimationFrame(() => {
      const el = inputRef.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(caret, caret);
    });
  };

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    if (readOnly) return;
    const table = tableFromClipboard(e.clipboardData.getData('text/html'), e.clipboardData.getData('text/plain'));
    if (!table) return; // plain text: the text box pastes it as usual
    e.preventDefault();
    const el = e.currentTarget;
    put(table, el.selectionStart, el.selectionEnd);
    notifyOk(`已粘贴为表格：${table.rows.length} 行 × ${table.rows[0]?.length ?? 0} 列，可在右侧的表格中修改`);
  };

  const insertNew = () => {
    if (readOnly) return;
    const el = inputRef.current;
    const end = el ? el.selectionEnd : Number.MAX_SAFE_INTEGER;
    put(emptyTable(3, 3), el ? el.selectionStart : end, end);
  };

  const onTableChange = (index: number, table: BodyTable | null) => {
    if (!readOnly) setBody((body) => replaceTable(body, index, table));
  };

  return { inputRef, onPaste, insertNew, onTableChange };
}
