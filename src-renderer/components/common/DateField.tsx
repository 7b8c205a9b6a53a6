/**
 * Every date box of the window: shown as 2026年12月4日, picked on a Chinese calendar (the
 * DatesProvider in App.tsx sets dayjs's zh-cn locale, weeks from Monday), typed in any of the
 * ways people write a date here — 2026-12-04, 2026年12月4日, 2026.12.4, 2026/12/4, 20261204.
 * The value stays the API's 'YYYY-MM-DD' string ('' for none).
 */
import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';

export const DATE_FORMAT = 'YYYY年M月D日';

const pad = (n: string) => n.padStart(2, '0');

/** Reads a typed date; null when it is not one (a day that does not exist included). */
export function parseTypedDate(text: string): string | null {
  const t = text.trim().replace(/\s+/g, '');
  const m = /^(\d{4})(?:[-./年])(\d{1,2})(?:[-./月])(\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? iso : null;
}

export type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  value: string;
  onChange: (value: string) => void;
};

/**
 * The narrowest box that shows the longest date (2026年12月25日) beside the calendar icon and the
 * clear button: narrower widths given by callers (w={160}) cut off its last character at 1366×768.
 */
const MIN_WIDTH = { xs: 168, default: 188 };

export function DateField({ value, onChange, ...rest }: DateFieldProps) {
  return (
    <DateInput
      miw={rest.size === 'xs' ? MIN_WIDTH.xs : MIN_WIDTH.default}
      valueFormat={DATE_FORMAT}
      dateParser={parseTypedDate}
      placeholder="选择或输入日期"
      clearable
      leftSection={<IconCalendar size={16} />}
      leftSectionPointerEvents="none"
      popoverProps={{ withinPortal: true }}
      monthLabelFormat="YYYY年M月"
      yearLabelFormat="YYYY年"
      monthsListFormat="M月"
      clearButtonProps={{ 'aria-label': '清除日期' }}
      nextLabel="下一页"
      previousLabel="上一页"
      {...rest}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
    />
  );
}
