// What a notice says, per kind, in the recipient's language. {title} is the agreement title,
// {party} the federation that acted, {reason} a decline or termination reason.
export const NOTICE_KINDS = [
  'agreement.invited',
  'agreement.new_version',
  'agreement.comment',
  'agreement.sign_requested',
  'agreement.signed',
  'agreement.declined',
  'agreement.activated',
  'agreement.terminated',
  'agreement.expiring',
  'agreement.expired',
  'meeting.scheduled',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

type Texts = Record<NoticeKind, { title: string; body: string }>;

const zh: Texts = {
  'agreement.invited': { title: '合作协议邀请：{title}', body: '{party}邀请贵会就《{title}》进行协商。' },
  'agreement.new_version': { title: '协议有新版本：{title}', body: '{party}提交了《{title}》的第 {version} 版。' },
  'agreement.comment': { title: '协议有新意见：{title}', body: '{party}就《{title}》提出意见：{excerpt}' },
  'agreement.sign_requested': { title: '请签署协议：{title}', body: '《{title}》第 {version} 版已提交签署，内容摘要（SHA-256）：{hash}。' },
  'agreement.signed': { title: '协议已签署：{title}', body: '{party}已签署《{title}》。' },
  'agreement.declined': { title: '协议被拒签：{title}', body: '{party}拒绝签署《{title}》，理由：{reason}' },
  'agreement.activated': { title: '协议已生效：{title}', body: '各方均已签署，《{title}》已生效。' },
  'agreement.terminated': { title: '协议已终止：{title}', body: '{party}终止了《{title}》，理由：{reason}' },
  'agreement.expiring': { title: '协议即将到期：{title}', body: '《{title}》将于 {date} 到期。' },
  'agreement.expired': { title: '协议已到期：{title}', body: '《{title}》已于 {date} 到期。' },
  'meeting.scheduled': { title: '联席会议安排：{meeting}', body: '{party}安排了《{title}》的联席会议“{meeting}”：{date}，由{host}承办，地点：{location}。' },
};

const en: Texts = {
  'agreement.invited': { title: 'Agreement invitation: {title}', body: '{party} invites your federation to negotiate "{title}".' },
  'agreement.new_version': { title: 'New version: {title}', body: '{party} submitted version {version} of "{title}".' },
  'agreement.comment': { title: 'New comment: {title}', body: '{party} commented on "{title}": {excerpt}' },
  'agreement.sign_requested': { title: 'Please sign: {title}', body: 'Version {version} of "{title}" is ready for signature. Content hash (SHA-256): {hash}.' },
  'agreement.signed': { title: 'Signed: {title}', body: '{party} signed "{title}".' },
  'agreement.declined': { title: 'Declined: {title}', body: '{party} declined to sign "{title}". Reason: {reason}' },
  'agreement.activated': { title: 'In force: {title}', body: 'All parties have signed; "{title}" is in force.' },
  'agreement.terminated': { title: 'Terminated: {title}', body: '{party} terminated "{title}". Reason: {reason}' },
  'agreement.expiring': { title: 'Expiring soon: {title}', body: '"{title}" expires on {date}.' },
  'agreement.expired': { title: 'Expired: {title}', body: '"{title}" expired on {date}.' },
  'meeting.scheduled': { title: 'Joint meeting scheduled: {meeting}', body: '{party} scheduled the joint meeting "{meeting}" under "{title}" on {date}, hosted by {host}, at {location}.' },
};

export function renderNotice(kind: NoticeKind, locale: string, vars: Record<string, string | number>) {
  const t = (locale === 'en' ? en : zh)[kind];
  // English texts use the English form of a value where one is given (partyEn for party)
  const value = (k: string) => (locale === 'en' ? (vars[`${k}En`] ?? vars[k]) : vars[k]);
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(value(k) ?? ''));
  return { title: fill(t.title), body: fill(t.body) };
}
