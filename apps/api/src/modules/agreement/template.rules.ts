import type { AgreementContent } from '@uc/contracts';

// The twin-city "five commons" template (seed 003): the agreement Hangzhou and Ningbo signed on paper.

export interface TemplateParty {
  slug: string;
  nameZh: string;
  city: string;
}

export function twinCityTemplate(parties: TemplateParty[], termStart: string, termEnd: string): AgreementContent {
  const [a, b] = parties as [TemplateParty, TemplateParty];
  const names = parties.map((p) => p.nameZh).join('、');
  const cities = parties.map((p) => p.city).join('、');
  const lead = (i: number) => parties[i % parties.length]!.slug;
  return {
    title: `${names}助力唱好“双城记”合作协议`,
    preamble:
      `<p>为深入贯彻习近平总书记关于工人阶级和工会工作的重要论述，落实省委省政府关于唱好“双城记”的部署，` +
      `${names}（以下合称“双方”）本着“共建共享、共育共推、优势互补、务实高效”的原则，经友好协商，就围绕“五个共”开展合作达成如下协议。</p>`,
    clauses: [
      { key: 'principles', heading: '第一条 合作原则', body: '<p>双方坚持服务大局、设计载体、实在可感、取长补短、机制保障，每一个“共”都设定若干有效载体，推动工作项目化、具体化。</p>' },
      { key: 'ideology', heading: '第二条 思想共同引领', body: '<p>双方共建学习阵地、共设学习题目，联合开展劳模工匠宣讲、主题学习会等活动，大力弘扬劳模精神、劳动精神和工匠精神。</p>' },
      { key: 'rights', heading: '第三条 权益共同维护', body: '<p>双方建立异地维权协作机制，实行“当地受理、异地援助”，在职工本人同意的前提下转办案件材料，并及时反馈办理结果。</p>' },
      { key: 'skills', heading: '第四条 技能共同提升', body: '<p>双方联合举办结对城市职工技能竞赛，互派选手、互认成绩，共同培养技术能手。</p>' },
      { key: 'care', heading: '第五条 身心共同关爱', body: '<p>双方互认职工疗休养基地，每年相互预留疗休养名额，为对方会员提供同等服务。</p>' },
      { key: 'projects', heading: '第六条 项目共同研究', body: '<p>双方围绕产业工人队伍建设改革、新就业形态劳动者入会等课题开展联合调研和试点，形成成果共享。</p>' },
      {
        key: 'mechanisms',
        heading: '第七条 机制保障',
        body: '<p>双方建立常务副主席、分管领导和对口部门的联络机制，加强产业工会和区县（市）总工会之间的对接；每年至少召开一次联席会议，由双方轮流承办，会议议定事项纳入工作清单。</p>',
      },
      { key: 'term', heading: '第八条 协议期限', body: '<p>本协议自各方签署之日起生效，有效期至协议约定的终止日期。协议未尽事宜，由双方协商解决并以补充协议形式确定。</p>' },
    ],
    termStart,
    termEnd,
    commons: [
      {
        kind: 'programme',
        enabled: true,
        summary: `在${cities}两地轮流举办劳模工匠宣讲和联合学习活动。`,
        figures: { seatsPerCity: 100 },
        items: [{ title: '劳模工匠“双城”巡回宣讲', description: '每年在两地各举办不少于 2 场。', leadSlug: lead(0) }],
      },
      {
        kind: 'rights',
        enabled: true,
        summary: '建立异地维权协作转办机制。',
        figures: {},
        items: [{ title: '异地维权协作机制', description: '明确转办流程、时限和反馈要求。', leadSlug: lead(1) }],
      },
      {
        kind: 'contest',
        enabled: true,
        summary: '联合举办结对城市职工技能竞赛。',
        figures: { entrantsPerCity: 20 },
        items: [{ title: `${a.city}${b.city}结对城市职工技能竞赛`, description: '每年选定 2 个以上工种。', leadSlug: lead(0) }],
      },
      {
        kind: 'recuperation',
        enabled: true,
        summary: '互认职工疗休养基地，相互预留疗休养名额。',
        figures: { placesPerYear: 200 },
        items: [{ title: '疗休养基地互认', description: '每方每年为对方会员预留 200 个名额。', leadSlug: lead(1) }],
      },
      {
        kind: 'project',
        enabled: true,
        summary: '联合开展课题研究与试点。',
        figures: {},
        items: [{ title: '产业工人队伍建设改革联合调研', description: '形成调研报告和试点经验。', leadSlug: lead(0) }],
      },
    ],
  };
}

export function blankTemplate(parties: TemplateParty[], termStart: string, termEnd: string, title?: string): AgreementContent {
  return {
    title: title ?? `${parties.map((p) => p.nameZh).join('、')}合作协议`,
    preamble: '',
    clauses: [{ key: 'clause-1', heading: '第一条', body: '<p></p>' }],
    termStart,
    termEnd,
    commons: [],
  };
}
