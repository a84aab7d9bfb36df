
// Demo recuperation catalogue (today is 2026-11-21): Hangzhou's 西湖, 千岛湖 and 临安 bases and
// Ningbo's 东钱湖 and 象山, each with a route and batches over the coming months, plus one past
// Hangzhou batch so stays can be completed and missed. Photos are placeholders on the bases' own
// (fictional) sites: the platform stores URLs, not images.

export interface DemoBase {
  key: string;
  name: string;
  city: string;
  address: string;
  description: string;
  facilities: string[];
  level: 'national' | 'provincial' | 'municipal';
}

export interface DemoRoute {
  base: string;
  title: string;
  days: number;
  pricePerDayFen: number;
  itinerary: string[];
}

export interface DemoBatch {
  code: string;
  route: string;
  startDate: string;
  capacity: number;
  opens: string;
  closes: string;
  deadline: string;
}

export interface DemoHost {
  slug: string;
  bases: DemoBase[];
  routes: DemoRoute[];
  batches: DemoBatch[];
}

export const DEMO_HOSTS: DemoHost[] = [
  {
    slug: 'hangzhou',
    bases: [
      { key: 'xihu', name: '西湖职工疗休养基地', city: '杭州', address: '杭州市西湖区杨公堤 18 号', description: '依西湖而建，步行可达苏堤、曲院风荷，设康复理疗中心。', facilities: ['康复理疗', '健身房', '医务室', '图书室'], level: 'provincial' },
      { key: 'qiandaohu', name: '千岛湖职工疗休养基地', city: '杭州', address: '杭州市淳安县千岛湖镇环湖北路 66 号', description: '湖区森林覆盖率高，适合康养度假，可安排湖上游览。', facilities: ['湖景客房', '游泳池', '医务室', '会议室'], level: 'national' },
      { key: 'linan', name: '临安天目山职工疗休养基地', city: '杭州', address: '杭州市临安区天目山镇禅源路 9 号', description: '地处天目山国家级自然保护区，森林步道与中医药康养结合。', facilities: ['森林步道', '中医理疗', '医务室'], level: 'municipal' },
    ],
    routes: [
      { base: 'xihu', title: '西湖人文疗休养线（5天4晚）', days: 5, pricePerDayFen: 48_000, itinerary: ['报到，西湖夜游', '苏堤、花港观鱼', '中国丝绸博物馆、龙井村', '健康讲座与体检', '返程'] },
      { base: 'qiandaohu', title: '千岛湖山水康养线（4天3晚）', days: 4, pricePerDayFen: 52_000, itinerary: ['报到，环湖骑行', '湖上游览', '森林氧吧、康养讲座', '返程'] },
      { base: 'linan', title: '天目山森林康养线（5天4晚）', days: 5, pricePerDayFen: 42_000, itinerary: ['报到', '天目山登山步道', '中医药康养体验', '钱王陵、吴越文化', '返程'] },
    ],
    batches: [
      { code: 'HZ-LA-2610', route: 'linan', startDate: '2026-10-12', capacity: 30, opens: '2026-09-01', closes: '2026-09-30', deadline: '2026-10-05' },
      { code: 'HZ-XH-2612', route: 'xihu', startDate: '2026-12-14', capacity: 40, opens: '2026-11-01', closes: '2026-12-05', deadline: '2026-12-07' },
      { code: 'HZ-LA-2701', route: 'linan', startDate: '2027-01-11', capacity: 30, opens: '2026-11-10', closes: '2027-01-03', deadline: '2027-01-05' },
      { code: 'HZ-XH-2703', route: 'xihu', startDate: '2027-03-15', capacity: 40, opens: '2026-11-15', closes: '2027-03-01', deadline: '2027-03-05' },
      { code: 'HZ-QDH-2704', route: 'qiandaohu', startDate: '2027-04-12', capacity: 6, opens: '2026-11-20', closes: '2027-03-31', deadline: '2027-04-02' },
      { code: 'HZ-XH-2705', route: 'xihu', startDate: '2027-05-10', capacity: 40, opens: '2027-01-05', closes: '2027-04-25', deadline: '2027-04-30' },
    ],
  },
  {
    slug: 'ningbo',
    bases: [
      { key: 'dongqianhu', name: '东钱湖职工疗休养基地', city: '宁波', address: '宁波市鄞州区东钱湖镇环湖东路 88 号', description: '浙东最大淡水湖畔，湖光山色，设职工健康管理中心。', facilities: ['康复理疗', '健身房', '医务室', '湖畔步道'], level: 'provincial' },
      { key: 'xiangshan', name: '象山海滨职工疗休养基地', city: '宁波', address: '宁波市象山县石浦镇渔港路 21 号', description: '面朝大海，可体验渔港文化与海洋康养。', facilities: ['海景客房', '医务室', '会议室'], level: 'municipal' },
    ],
    routes: [
      { base: 'dongqianhu', title: '东钱湖湖光疗休养线（5天4晚）', days: 5, pricePerDayFen: 45_000, itinerary: ['报到，环湖漫步', '南宋石刻公园', '宁波博物馆、天一阁', '健康讲座', '返程'] },
      { base: 'xiangshan', title: '象山海滨康养线（4天3晚）', days: 4, pricePerDayFen: 50_000, itinerary: ['报到，石浦渔港古城', '海上游览', '海洋康养体验', '返程'] },
    ],
    batches: [
      { code: 'NB-DQH-2612', route: 'dongqianhu', startDate: '2026-12-07', capacity: 36, opens: '2026-11-01', closes: '2026-11-30', deadline: '2026-12-01' },
      { code: 'NB-DQH-2704', route: 'dongqianhu', startDate: '2027-04-19', capacity: 36, opens: '2026-11-15', closes: '2027-04-05', deadline: '2027-04-10' },
      { code: 'NB-XS-2705', route: 'xiangshan', startDate: '2027-05-17', capacity: 30, opens: '2026-12-01', closes: '2027-05-01', deadline: '2027-05-08' },
    ],
  },
];

export const photoUrl = (slug: string, key: string, n: number) => `https://photos.${slug}.example.org/recuperation/${key}-${n}.jpg`;
