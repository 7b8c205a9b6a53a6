/**
 * The demo's liaison officers and urgent events (issue 16 parts 4–5), dated from the day the demo
 * is made: officers of a few towns (one changed during the year, the history kept), an urgent
 * event reported late upward (its deduction proposed, not applied) and one not yet reported
 * upward (an alert on the 工作台). 城关镇 is left without officers and events: it is the town
 * the end-to-end tests work on.
 */
import { shiftDays, type DemoCall as Call } from './days';


export async function fillLiaison(call: Call, today: string): Promise<void> {
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const first = await call('liaisonAdd', { unit: '清河镇', name: '赵红梅', phone: '13800000001', from: yearStart });
  const changeOn = shiftDays(today, -60) > yearStart ? shiftDays(today, -60) : today;
  if (changeOn > yearStart) {
    await call('liaisonEnd', { id: first.id, to: shiftDays(changeOn, -1) });
    await call('liaisonAdd', { unit: '清河镇', name: '钱立新', phone: '13800000002', from: changeOn });
  }
  await call('liaisonAdd', { unit: '石桥镇', name: '孙小兰', phone: '13800000003', from: yearStart });
  await call('liaisonAdd', { unit: '县教育局', name: '周文博', phone: '13800000004', from: yearStart });

  const lateDay = shiftDays(today, -9);
  const late = await call('urgentAdd', { unit: '石桥镇', what: '石桥镇境内省道发生山体落石，交通中断约2小时', place: '石桥镇S203线', eventTime: `${lateDay} 07:40`, unitReportedAt: `${lateDay} 09:10` });
  await call('urgentReport', { id: late.id, level: 'city', at: `${lateDay} 09:30`, note: '已电话报告市政府总值班室' });
  await call('urgentReport', { id: late.id, kind: 'followup', at: `${lateDay} 12:00`, note: '道路已恢复通行，无人员伤亡' });

  const yesterday = shiftDays(today, -1);
  await call('urgentAdd', { unit: '清河镇', what: '清河镇一养殖场发生火情，已扑灭，无人员伤亡', place: '清河镇东风村', eventTime: `${yesterday} 21:15`, unitReportedAt: `${yesterday} 21:40` });
}
