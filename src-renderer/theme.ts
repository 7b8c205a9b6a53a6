/** A calm office look: indigo for actions; the official red belongs to the printed page only. */
import { createTheme } from '@mantine/core';

export const UI_FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';

export const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily: UI_FONT,
  headings: { fontFamily: UI_FONT, fontWeight: '600' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
});
