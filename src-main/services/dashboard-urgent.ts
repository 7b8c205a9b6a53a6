/**
 * 工作台: urgent events (紧急信息) with no report upward yet. They must be reported 第一时间, so
 * every one is an alert until a report to the city or province is registered.
 */
import type { DashboardLine, DashboardSection } from '../api/ops/followup';
import type { Ctx } from './context';
import { urgentWithoutUpwardReport } from './urgent';

export function urgentWaiting(ctx: Ctx): DashboardSection {
  const lines: DashboardLine[] = urgentWithoutUpwardReport(ctx).map((e) => ({
    text: `${e.unit}报告的紧急信息“${e.what}”（${e.eventTime.replace('T', ' ')}）尚未向上级报送`,
    tone: 'alert' as const,
    open: { kind: 'urgent' as const, id: e.id },
  }));
  return { key: 'urgent', title: '紧急信息（尚未向上报送）', empty: '没有待向上报送的紧急信息。', lines };
}
