/**
 * The demo's follow-up records (issue 16), dated from the day the demo is made so the 工作台 is
 * alive at first look: monthly targets some units are behind on, a commission overdue with its
 * notice, one due in two days, one from last month a unit missed and another answered late (the
 * ≥ 2 flag), and instructions under follow-up — one overdue, one in hand, one done.
 * Instructions and commissions go to units other than 城关镇, which stays first in the ranking.
 */
import { shiftDays, type DemoCall as Call } from './days';


export async function fillFollowup(call: Call, today: string): Promise<void> {
  for (const unit of ['城关镇', '清河镇', '石桥镇', '县教育局', '县农业农村局']) await call('targetSet', { unit, monthly: unit === '城关镇' ? 2 : 6 });

  const older = await call('commissionAdd', { topic: '乡村振兴典型经验做法', deadline: shiftDays(today, -40), units: ['清河镇', '石桥镇'] });
  await call('commissionNoticeSet', { id: older.id, date: shiftDays(today, -50), requirements: '围绕产业振兴、人才振兴，各报送典型经验1至2条，每条1000字以内。', contact: '县政府办公室信息科 李明华 0000-1234567' });
  await call('commissionAnswer', { id: older.id, unit: '石桥镇', date: shiftDays(today, -35) });

  const overdue = await call('commissionAdd', { topic: '秋冬季安全生产工作进展', deadline: shiftDays(today, -3), units: ['清河镇', '石桥镇', '东城街道'] });
  await call('commissionNoticeSet', {
    id: overdue.id,
    date: shiftDays(today, -12),
    requirements: '重点反映隐患排查整治的做法、成效和存在的问题，数据截至上月底，800字以内，经单位负责人审核后报送。',
    contact: '县政府办公室信息科 王晓燕 0000-1234567',
  });
  await call('commissionAnswer', { id: overdue.id, unit: '东城街道', date: shiftDays(today, -5) });

  const soon = await call('commissionAdd', { topic: '四季度重点工作推进情况', deadline: shiftDays(today, 2), units: ['城关镇', '白沙镇', '县农业农村局'] });
  await call('commissionNoticeSet', { id: soon.id, date: shiftDays(today, -5), requirements: '突出工作亮点和量化成效，600字以内。', contact: '县政府办公室信息科 王晓燕 0000-1234567' });

  // items 3 (清河镇), 4 (县教育局) and 2 (县发展和改革局) of the demo county
  const late = await call('instructionAdd', { articleId: 3, level: 'county', leader: '县长陈志远', date: shiftDays(today, -20), text: '请县农业农村局会同清河镇研究提出解决办法。' });
  await call('instructionFollowSet', { id: late.id, unit: '清河镇', deadline: shiftDays(today, -6) });
  await call('instructionNote', { id: late.id, text: '已召开专题会议研究，正在起草方案。', date: shiftDays(today, -10) });

  const doing = await call('instructionAdd', { articleId: 4, level: 'city', leader: '副市长刘晓东', date: shiftDays(today, -8), text: '请市教育局关注清源县做法。' });
  await call('instructionFollowSet', { id: doing.id, unit: '县教育局', deadline: shiftDays(today, 12), state: 'doing' });

  const done = await call('instructionAdd', { articleId: 2, level: 'county', leader: '常务副县长周立新', date: shiftDays(today, -30), text: '请发改局跟踪分析四季度走势。' });
  await call('instructionFollowSet', { id: done.id, unit: '县发展和改革局', deadline: shiftDays(today, -15) });
  await call('instructionFeedback', { id: done.id, text: '已形成四季度经济走势分析报告，报县政府常务会议。' });
  await call('instructionFollowSet', { id: done.id, state: 'done', date: shiftDays(today, -16) });
}
