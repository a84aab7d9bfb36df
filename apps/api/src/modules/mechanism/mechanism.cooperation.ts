import type { ServiceCtx } from '../../service.ts';
import { attention, figure, inYear, UNITS, type CooperationProvider, type CooperationScope } from '../cooperation/index.ts';
import { listLiaisonPairs } from './liaison.query.ts';
import { getMeeting, listMeetings } from './meeting.query.ts';

// 机制运行 in the cooperation overview and report: liaison pairs, joint meetings held this year
// against the "at least once a year" rule, decisions and how many became joint items — from the
// liaison and meeting pages (listLiaisonPairs, listMeetings, getMeeting).

export const mechanismCooperation: CooperationProvider = {
  commons: 'mechanism',
  order: 600,
  async load(ctx: ServiceCtx, s: CooperationScope) {
    const pairs = await listLiaisonPairs(ctx, s.agreement.id);
    const meetings = (await listMeetings(ctx, s.agreement.id)).filter((m) => inYear(m.meetingDate, s.year));
    const held = meetings.filter((m) => m.status === 'held');
    const decisions = [];
    for (const m of held) decisions.push(...(await getMeeting(ctx, m.id)).decisions);
    const link = `/t/{slug}/agreements/${s.agreement.id}/meetings`;
    const yearOver = s.today > `${s.year}-12-31`;
    return {
      commons: 'mechanism' as const,
      title: { zh: '机制运行', en: 'Mechanisms' },
      figures: [
        figure('liaison_pairs', '结对联络', 'Liaison pairs', pairs.length, UNITS.item),
        figure('meetings_held', '联席会议召开', 'Meetings held', held.length, UNITS.session),
        figure('meetings_planned', '联席会议计划', 'Meetings planned', meetings.length - held.length, UNITS.session),
        figure('decisions', '议定事项', 'Decisions', decisions.length, UNITS.item),
        figure('decisions_to_items', '转为共建项目', 'Decisions made items', decisions.filter((d) => d.jointItemId).length, UNITS.item),
      ],
      directions: [],
      highlights: held.map((m) => `${m.meetingDate}在${m.location || m.hostNameZh}召开“${m.title}”`),
      attention: held.length
        ? []
        : [attention('meeting:yearly', s.agreement.title, yearOver ? `${s.year}年未召开联席会议（每年至少一次）` : `${s.year}年尚未召开联席会议（每年至少一次）`, `No joint meeting held in ${s.year} (at least once a year)`, link)],
    };
  },
};
