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
  'milestone.overdue',
  'booking.requested',
  'booking.waitlisted',
  'booking.offered',
  'booking.offer_expired',
  'booking.approved',
  'booking.to_confirm',
  'booking.confirmed',
  'booking.rejected',
  'booking.cancelled',
  'booking.no_show',
  'rights.referred',
  'rights.step',
  'rights.sla_warning',
  'rights.sla_breach',
  'programme.registered',
  'programme.waitlisted',
  'programme.promoted',
  'programme.rescheduled',
  'programme.session_cancelled',
  'programme.registration_cancelled',
  'booking.batch_cancelled',
  'booking.batch_cancelled_home',
  'contest.application_approved',
  'contest.application_refused',
  'contest.entry_withdrawn',
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
  'milestone.overdue': { title: '时间节点逾期：{milestone}', body: '《{title}》共建项目“{item}”的时间节点“{milestone}”应于 {date} 完成，已逾期 {days} 天，尚未经双方确认。' },
  // recuperation bookings: {route} 线路, {code} 批次, {date} 出发日期, {host} 接待工会, {member} 会员姓名
  'booking.requested': { title: '疗休养报名已提交：{route}', body: '您已报名{host}“{route}”（{code}，{date} 出发），等待本会审核。' },
  'booking.waitlisted': { title: '疗休养已进入候补：{route}', body: '“{route}”（{code}，{date} 出发）已满，您在候补名单第 {position} 位，有空位时将通知您。' },
  'booking.offered': { title: '疗休养候补有空位：{route}', body: '“{route}”（{code}，{date} 出发）有空位为您保留至 {expires}，请及时确认。' },
  'booking.offer_expired': { title: '疗休养空位保留已过期：{route}', body: '“{route}”（{code}）为您保留的空位已过期，名额已顺延给下一位。' },
  'booking.approved': { title: '疗休养报名已通过本会审核：{route}', body: '您报名的“{route}”（{code}，{date} 出发）已通过审核，等待{host}确认。' },
  'booking.to_confirm': { title: '请确认疗休养报名：{route}', body: '{party}会员{member}报名的“{route}”（{code}，{date} 出发）已通过其工会审核，请确认接待。' },
  'booking.confirmed': { title: '疗休养已确认：{route}', body: '{host}已确认接待您参加“{route}”（{code}，{date} 出发），请凭报名二维码签到。' },
  'booking.rejected': { title: '疗休养报名未通过：{route}', body: '您报名的“{route}”（{code}）未通过，原因：{reason}' },
  'booking.cancelled': { title: '疗休养报名已取消：{route}', body: '“{route}”（{code}，{date} 出发）的报名已取消。{reason}' },
  'booking.no_show': { title: '疗休养未报到：{route}', body: '您未按时参加“{route}”（{code}，{date} 出发），已登记为未报到。' },
  // rights referrals: {party} 对方工会, {kind} 争议类型, {step} 操作, {clock} 时限, {days} 工作日
  'rights.referred': { title: '异地维权转办：{kind}', body: '{party}向贵会转办一件{kind}案件，请在时限内受理或退回。' },
  'rights.step': { title: '维权转办进展：{step}', body: '{party}对{kind}转办案件执行了“{step}”。{note}' },
  'rights.sla_warning': { title: '维权时限即将届满：{clock}', body: '{kind}转办案件的“{clock}”时限（{days} 个工作日）即将届满，请尽快处理。' },
  'rights.sla_breach': { title: '维权时限已超期：{clock}', body: '{kind}转办案件的“{clock}”时限（{days} 个工作日）已超期，已通知承办人、主管及转办方。' },
  // programmes: {event} 活动, {date} 场次时间, {host} 主办工会, {to} 新时间, {reason}
  'programme.registered': { title: '活动报名成功：{event}', body: '您已报名{host}“{event}”（{date}），请在“我的活动”中出示签到二维码。' },
  'programme.waitlisted': { title: '活动报名已进入候补：{event}', body: '“{event}”（{date}）本市席位已满，您在候补名单中，有空位时将自动为您报名并通知您。' },
  'programme.promoted': { title: '候补转为报名成功：{event}', body: '“{event}”（{date}）有空位，已为您报名，请凭签到二维码入场。' },
  'programme.rescheduled': { title: '活动场次改期：{event}', body: '“{event}”原定 {date} 的场次改为 {to}，您的席位保留；如不能参加请取消报名。' },
  'programme.session_cancelled': { title: '活动场次取消：{event}', body: '“{event}”（{date}）的场次已取消，您的报名随之取消。{reason}' },
  'programme.registration_cancelled': { title: '活动报名已取消：{event}', body: '“{event}”（{date}）的报名已取消。' },
  'booking.batch_cancelled': { title: '疗休养批次已取消：{route}', body: '{host}已取消“{route}”（{code}，{date} 出发），您的报名已取消，名额已退回，不计入本人疗休养次数。' },
  'booking.batch_cancelled_home': { title: '接待方取消批次：{route}', body: '{host}已取消“{route}”（{code}，{date} 出发），本会会员{member}的报名随之取消，所占名额已退回。' },
  // contest applications: {contest} 竞赛, {trade} 赛项, {host} 主办工会, {reason}
  'contest.application_approved': { title: '竞赛报名已通过审核：{trade}', body: '您报名的{host}“{contest}”{trade}赛项已通过本会审核，已占用本市参赛名额。' },
  'contest.application_refused': { title: '竞赛报名未通过：{trade}', body: '您报名的“{contest}”{trade}赛项未通过本会审核，原因：{reason}' },
  'contest.entry_withdrawn': { title: '竞赛报名已撤销：{trade}', body: '您在“{contest}”{trade}赛项的报名已由本会撤销，所占名额已退回。' },
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
  'milestone.overdue': { title: 'Milestone overdue: {milestone}', body: 'The milestone "{milestone}" of the joint item "{item}" under "{title}" was due on {date} and is {days} day(s) overdue, not yet confirmed by both sides.' },
  'booking.requested': { title: 'Recuperation booking received: {route}', body: 'You booked "{route}" ({code}, from {date}) with {host}; your union will review it.' },
  'booking.waitlisted': { title: 'On the waitlist: {route}', body: '"{route}" ({code}, from {date}) is full; you are number {position} on the waitlist and will be told when a place frees up.' },
  'booking.offered': { title: 'A place is free for you: {route}', body: 'A place on "{route}" ({code}, from {date}) is held for you until {expires}; please accept it in time.' },
  'booking.offer_expired': { title: 'Held place expired: {route}', body: 'The place held for you on "{route}" ({code}) has expired and went to the next person.' },
  'booking.approved': { title: 'Approved by your union: {route}', body: 'Your booking of "{route}" ({code}, from {date}) was approved; {host} will confirm it.' },
  'booking.to_confirm': { title: 'Please confirm a booking: {route}', body: '{member} of {party} booked "{route}" ({code}, from {date}); their union approved it. Please confirm.' },
  'booking.confirmed': { title: 'Booking confirmed: {route}', body: '{host} confirmed your place on "{route}" ({code}, from {date}). Check in with the QR code of your booking.' },
  'booking.rejected': { title: 'Booking not accepted: {route}', body: 'Your booking of "{route}" ({code}) was not accepted. Reason: {reason}' },
  'booking.cancelled': { title: 'Booking cancelled: {route}', body: 'Your booking of "{route}" ({code}, from {date}) is cancelled. {reason}' },
  'booking.no_show': { title: 'Marked as not arrived: {route}', body: 'You did not arrive for "{route}" ({code}, from {date}) and were marked as a no-show.' },
  'rights.referred': { title: 'Rights case referred: {kind}', body: '{party} referred a {kind} case to your federation; please accept or return it in time.' },
  'rights.step': { title: 'Rights referral update: {step}', body: '{party} took the step "{step}" on a {kind} referral. {note}' },
  'rights.sla_warning': { title: 'Rights deadline approaching: {clock}', body: 'The "{clock}" deadline ({days} working days) of a {kind} referral is about to run out.' },
  'rights.sla_breach': { title: 'Rights deadline missed: {clock}', body: 'The "{clock}" deadline ({days} working days) of a {kind} referral has passed; the caseworker, the supervisor and the referring federation are told.' },
  'programme.registered': { title: 'Registered: {event}', body: 'You are registered for "{event}" by {host} ({date}). Show the check-in QR code under My programmes.' },
  'programme.waitlisted': { title: 'Waitlisted: {event}', body: 'Your city\'s seats for "{event}" ({date}) are taken; you are on the waitlist and will be registered and told when a seat frees.' },
  'programme.promoted': { title: 'A seat for you: {event}', body: 'A seat freed for "{event}" ({date}) and you are now registered; show your QR code at the door.' },
  'programme.rescheduled': { title: 'Session moved: {event}', body: 'The session of "{event}" on {date} moves to {to}. Your seat is kept; cancel if you cannot come.' },
  'programme.session_cancelled': { title: 'Session cancelled: {event}', body: 'The session of "{event}" ({date}) is cancelled, and your registration with it. {reason}' },
  'programme.registration_cancelled': { title: 'Registration cancelled: {event}', body: 'Your registration for "{event}" ({date}) is cancelled.' },
  'booking.batch_cancelled': { title: 'Batch cancelled: {route}', body: '{host} cancelled "{route}" ({code}, from {date}); your booking is cancelled, its place returned, and it does not count as a trip.' },
  'booking.batch_cancelled_home': { title: 'Host cancelled a batch: {route}', body: '{host} cancelled "{route}" ({code}, from {date}); the booking of your member {member} is cancelled and its place returned.' },
  'contest.application_approved': { title: 'Contest entry approved: {trade}', body: 'Your federation approved your entry for {trade} in "{contest}" ({host}); it holds one of your city\'s places.' },
  'contest.application_refused': { title: 'Contest entry not approved: {trade}', body: 'Your federation did not approve your entry for {trade} in "{contest}". Reason: {reason}' },
  'contest.entry_withdrawn': { title: 'Contest entry withdrawn: {trade}', body: 'Your federation withdrew your entry for {trade} in "{contest}"; its place is returned.' },
};

const KINDS = new Set<string>(NOTICE_KINDS);
/** a kind this catalogue can render (a stored row's kind is plain text) */
export const isNoticeKind = (kind: string): kind is NoticeKind => KINDS.has(kind);

export function renderNotice(kind: NoticeKind, locale: string, vars: Record<string, string | number>) {
  const t = (locale === 'en' ? en : zh)[kind];
  // English texts use the English form of a value where one is given (partyEn for party)
  const value = (k: string) => (locale === 'en' ? (vars[`${k}En`] ?? vars[k]) : vars[k]);
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(value(k) ?? ''));
  return { title: fill(t.title), body: fill(t.body) };
}
