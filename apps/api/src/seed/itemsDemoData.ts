import type { JointKind, ProjectPhase } from '@uc/contracts';
import { demoPdf as demoPdfOf } from './demoFiles.ts';

// What the 杭甬 items look like in the demo. dueIn: days from the seed day (negative: past).
// state: open (nobody confirmed), half (the lead side confirmed), done (both), reopened (done,
// reopened by the partner, confirmed again by the lead side only).

export interface DemoMilestone {
  title: string;
  dueIn: number;
  owner: string;
  state: 'open' | 'half' | 'done' | 'reopened';
  reopenReason?: string;
}
export interface DemoUpdate {
  /** the item's lead side, or the partner */
  by: 'lead' | 'partner';
  daysAgo: number;
  health: 'on_track' | 'at_risk' | 'off_track';
  text: string;
  /** attach a small PDF with this file name */
  pdf?: string;
}
export interface DemoItem {
  kind: JointKind;
  phase?: ProjectPhase;
  delayedReason?: string;
  responsible: { hangzhou: string; ningbo: string };
  milestones: DemoMilestone[];
  updates: DemoUpdate[];
}

export const DEMO_ITEMS: DemoItem[] = [
  {
    kind: 'programme',
    responsible: { hangzhou: '陈思远', ningbo: '周晓燕' },
    milestones: [
      { title: '首场劳模工匠联合宣讲', dueIn: -45, owner: '陈思远', state: 'done' },
      { title: '宣讲资料汇编', dueIn: -9, owner: '陈思远', state: 'half' },
      { title: '第二场宣讲（宁波站）', dueIn: 6, owner: '陈思远', state: 'open' },
      { title: '年度学习成果展', dueIn: 75, owner: '陈思远', state: 'open' },
    ],
    updates: [
      { by: 'lead', daysAgo: 35, health: 'on_track', text: '首场宣讲在杭州工人文化宫举行，两地职工 320 人次参加。', pdf: '首场宣讲签到汇总.pdf' },
      { by: 'partner', daysAgo: 12, health: 'at_risk', text: '宁波站场地档期紧张，需提前锁定。' },
      { by: 'lead', daysAgo: 2, health: 'on_track', text: '宁波站场地已落实，宣讲人名单已确定。' },
    ],
  },
  {
    kind: 'rights',
    responsible: { hangzhou: '吴立新', ningbo: '郑海波' },
    milestones: [
      { title: '异地维权协作机制文件会签', dueIn: -30, owner: '郑海波', state: 'done' },
      { title: '两地法律援助律师库对接', dueIn: -4, owner: '郑海波', state: 'open' },
      { title: '首批转办案件回访', dueIn: 40, owner: '郑海波', state: 'open' },
    ],
    updates: [
      { by: 'lead', daysAgo: 20, health: 'at_risk', text: '律师库信息字段两地不一致，正在统一。' },
      { by: 'partner', daysAgo: 5, health: 'off_track', text: '杭州方律师名单尚未提交，对接已逾期。' },
    ],
  },
  {
    kind: 'contest',
    delayedReason: '决赛场地改造延期，赛程顺延一个月',
    responsible: { hangzhou: '孙建国', ningbo: '林静' },
    milestones: [
      { title: '赛项与技术文件发布', dueIn: -50, owner: '孙建国', state: 'done' },
      { title: '报名与资格审核', dueIn: -15, owner: '孙建国', state: 'reopened', reopenReason: '宁波报名名单漏报 3 名选手，需补录' },
      { title: '初赛', dueIn: 12, owner: '孙建国', state: 'open' },
      { title: '决赛及颁奖', dueIn: 50, owner: '孙建国', state: 'open' },
    ],
    updates: [
      { by: 'lead', daysAgo: 28, health: 'on_track', text: '电工、焊工两个赛项技术文件已发布。' },
      { by: 'lead', daysAgo: 9, health: 'at_risk', text: '决赛场地改造延期，赛程整体顺延。' },
      { by: 'partner', daysAgo: 1, health: 'at_risk', text: '宁波补录选手资料已提交，请杭州方复核。' },
    ],
  },
  {
    kind: 'recuperation',
    responsible: { hangzhou: '何雅琴', ningbo: '蒋文斌' },
    milestones: [
      { title: '互认基地名单公布', dueIn: -70, owner: '蒋文斌', state: 'done' },
      { title: '年度名额分配', dueIn: -40, owner: '蒋文斌', state: 'done' },
      { title: '首批疗休养出发', dueIn: -1, owner: '蒋文斌', state: 'half' },
      { title: '年度疗休养总结', dueIn: 120, owner: '蒋文斌', state: 'open' },
    ],
    updates: [
      { by: 'lead', daysAgo: 21, health: 'on_track', text: '东钱湖、千岛湖两处基地接待方案已确认。' },
      { by: 'partner', daysAgo: 7, health: 'on_track', text: '杭州首批 40 名一线职工名单已报送。', pdf: '首批疗休养人员名单.pdf' },
    ],
  },
  {
    kind: 'project',
    phase: 'research',
    responsible: { hangzhou: '赵明华', ningbo: '徐丽萍' },
    milestones: [
      { title: '立项评审', dueIn: -80, owner: '赵明华', state: 'done' },
      { title: '两地企业调研报告', dueIn: -18, owner: '赵明华', state: 'open' },
      { title: '中期评估', dueIn: 45, owner: '赵明华', state: 'open' },
      { title: '结项验收', dueIn: 160, owner: '赵明华', state: 'open' },
    ],
    updates: [
      { by: 'lead', daysAgo: 26, health: 'on_track', text: '已完成杭州 12 家企业走访。' },
      { by: 'partner', daysAgo: 14, health: 'at_risk', text: '宁波调研样本企业尚缺 4 家。' },
      { by: 'lead', daysAgo: 3, health: 'off_track', text: '调研报告逾期，需两地协调补充宁波样本后再提交。', pdf: '调研报告（初稿）.pdf' },
    ],
  },
];

/** A small valid one-page PDF naming the file (ASCII only: the demo needs no font). */
export const demoPdf = (name: string): Buffer => demoPdfOf(`Union Commons demo attachment (${Buffer.from(name).toString('hex').slice(0, 16)})`);
