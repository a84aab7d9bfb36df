// Plausible demo organisations and names. Area codes are real district codes so ID numbers look right.
export interface DemoFederation {
  slug: string;
  nameZh: string;
  nameEn: string;
  city: string;
  /** 行政区划代码 of the city */
  regionCode: string;
  areaCodes: string[];
  districts: { name: string; streets: string[] }[];
  industries: string[];
  companies: string[];
}

export const DEMO_FEDERATIONS: DemoFederation[] = [
  {
    slug: 'hangzhou',
    nameZh: '杭州市总工会',
    nameEn: 'Hangzhou Federation of Trade Unions',
    city: '杭州',
    regionCode: '330100',
    areaCodes: ['330102', '330105', '330106', '330108', '330109', '330110'],
    districts: [
      { name: '上城区总工会', streets: ['湖滨街道总工会', '小营街道总工会'] },
      { name: '拱墅区总工会', streets: ['米市巷街道总工会', '祥符街道总工会'] },
      { name: '西湖区总工会', streets: ['西溪街道总工会', '紫金港科技城总工会'] },
      { name: '滨江区总工会', streets: ['长河街道总工会', '高新区（滨江）园区工会'] },
      { name: '萧山区总工会', streets: ['城厢街道总工会', '钱江世纪城总工会'] },
      { name: '余杭区总工会', streets: ['良渚街道总工会', '未来科技城总工会'] },
    ],
    industries: ['杭州市教育工会', '杭州市卫生健康工会', '杭州市交通运输工会'],
    companies: ['杭州钱塘机械有限公司', '杭州西溪数字科技有限公司', '杭州市公交集团', '杭州湖滨商贸有限公司', '杭州之江建设集团', '杭州良渚文化旅游公司'],
  },
  {
    slug: 'ningbo',
    nameZh: '宁波市总工会',
    nameEn: 'Ningbo Federation of Trade Unions',
    city: '宁波',
    regionCode: '330200',
    areaCodes: ['330203', '330205', '330206', '330211', '330212'],
    districts: [
      { name: '海曙区总工会', streets: ['南门街道总工会', '鼓楼街道总工会'] },
      { name: '江北区总工会', streets: ['慈城镇总工会', '洪塘街道总工会'] },
      { name: '鄞州区总工会', streets: ['首南街道总工会', '东钱湖旅游度假区工会'] },
      { name: '北仑区总工会', streets: ['新碶街道总工会', '大榭开发区总工会'] },
      { name: '镇海区总工会', streets: ['招宝山街道总工会', '宁波石化经济技术开发区工会'] },
    ],
    industries: ['宁波市港口工会', '宁波市教育工会', '宁波市卫生健康工会'],
    companies: ['宁波舟山港股份有限公司', '宁波甬江模具有限公司', '宁波东钱湖旅游发展公司', '宁波北仑电力有限公司', '宁波镇海石化工程公司'],
  },
  {
    slug: 'shaoxing',
    nameZh: '绍兴市总工会',
    nameEn: 'Shaoxing Federation of Trade Unions',
    city: '绍兴',
    regionCode: '330600',
    areaCodes: ['330602', '330603', '330604'],
    districts: [
      { name: '越城区总工会', streets: ['府山街道总工会', '北海街道总工会'] },
      { name: '柯桥区总工会', streets: ['柯桥街道总工会', '中国轻纺城工会联合会'] },
      { name: '上虞区总工会', streets: ['百官街道总工会', '杭州湾上虞经济技术开发区工会'] },
    ],
    industries: ['绍兴市纺织工会', '绍兴市教育工会'],
    companies: ['绍兴柯桥纺织印染有限公司', '绍兴黄酒集团', '绍兴上虞化工有限公司', '绍兴越城建设有限公司'],
  },
];

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁沈任姚卢傅钟姜崔谭陆汪范金石廖贾夏韦付方邹熊孟秦邱江尹薛阎段雷侯龙史黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
export const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建华文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘'.split('');

export const DEMO_PASSWORD = 'UnionDemo2026';
/** Demo staff of each federation: a plausible 姓名 per city and a 职务, as pages and PDFs name them. */
export const DEMO_STAFF = [
  { local: 'admin', names: { hangzhou: '沈佳怡', ningbo: '俞晓峰', shaoxing: '陶文静' }, title: '办公室主任', roles: ['admin', 'officer'] },
  { local: 'signer', names: { hangzhou: '陈建国', ningbo: '周海涛', shaoxing: '鲁志刚' }, title: '常务副主席', roles: ['signatory'] },
  { local: 'lead', names: { hangzhou: '方立新', ningbo: '应海波', shaoxing: '谢红梅' }, title: '协作项目负责人', roles: ['lead'] },
  { local: 'officer', names: { hangzhou: '何丽萍', ningbo: '邵佳', shaoxing: '宋晨' }, title: '职工服务部干事', roles: ['officer'] },
  { local: 'caseworker', names: { hangzhou: '范志远', ningbo: '胡晓敏', shaoxing: '金涛' }, title: '法律保障部维权专员', roles: ['caseworker'] },
] as const;

/** A Ningbo member on record without an account: activates one at /activate (README, e2e onboarding). */
export const DEMO_TO_ACTIVATE = { slug: 'ningbo', name: '陈晓', mobile: '19957400001', idNumber: '330203199205121234' } as const;
