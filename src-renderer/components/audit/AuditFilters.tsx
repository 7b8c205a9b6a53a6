/** The 操作日志 page's filters: a date range, who, and which record (issue:12, or issue for all). */
import { TextInput } from '@mantine/core';
import { DateRangeFilter } from '../filters/fields';
import { FilterBar, filterSetter } from '../filters/FilterBar';

export interface AuditFilterValue {
  from: string;
  to: string;
  operator: string;
  object: string;
}

export const NO_AUDIT_FILTER: AuditFilterValue = { from: '', to: '', operator: '', object: '' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const OBJECT = /^[a-z]{2,20}(:\d{1,16})?$/;

/** The list's input: a date only once complete, an object only once well-formed. */
export function auditQuery(v: AuditFilterValue) {
  const object = v.object.trim();
  return {
    ...(DATE.test(v.from) ? { from: v.from } : {}),
    ...(DATE.test(v.to) ? { to: v.to } : {}),
    ...(v.operator.trim() ? { operator: v.operator.trim() } : {}),
    ...(OBJECT.test(object) ? { object } : {}),
  };
}

export function AuditFilters({ value, onChange }: { value: AuditFilterValue; onChange: (v: AuditFilterValue) => void }) {
  const set = filterSetter(value, onChange);
  const object = value.object.trim();
  return (
    <FilterBar value={value} none={NO_AUDIT_FILTER} onChange={onChange}>
      <DateRangeFilter label="日期" value={value} onChange={onChange} testIds={['audit-from', 'audit-to']} />
      <TextInput label="操作人" placeholder="全部" value={value.operator} onChange={(e) => set('operator', e.currentTarget.value)} w={130} data-testid="audit-operator" />
      <TextInput
        label="对象"
        placeholder="如 issue:12"
        value={value.object}
        onChange={(e) => set('object', e.currentTarget.value)}
        error={object && !OBJECT.test(object) ? '写法：类型:编号，如 issue:12' : undefined}
        w={170}
        data-testid="audit-object"
      />
    </FilterBar>
  );
}
