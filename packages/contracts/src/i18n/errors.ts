import type { ErrorCode } from '../errors.ts';

// Messages users read when something is refused; keyed by AppError code, then by validation issue.
export const errorMessagesZh = {
  UNAUTHORIZED: '请先登录',
  FORBIDDEN: '您没有执行此操作的权限',
  NOT_FOUND: '未找到该内容，或您无权查看',
  BAD_INPUT: '输入有误，请检查后重试',
  CONFLICT: '该操作与现有数据冲突',
  STALE_VERSION: '该内容已被他人修改，请刷新后再试',
  RATE_LIMITED: '尝试次数过多，请稍后再试',
  INVALID_CREDENTIALS: '邮箱或密码不正确',
  CSRF: '请求来源不受信任，请刷新页面后重试',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  INVITATION_INVALID: '邀请链接无效或已过期',
  DUPLICATE_ID_NUMBER: '该身份证号已登记为会员',
  ORG_UNIT_NOT_EMPTY: '该组织下仍有下级组织或会员，不能删除',
  ORG_UNIT_CYCLE: '不能把组织移动到其自身或其下级之下',
  LAST_ADMIN: '至少需要保留一名管理员',
  ALREADY_MEMBER: '该用户已是本会工作人员',
  INVALID_TRANSITION: '协议当前状态下不能执行此操作',
  ITEM_TRANSITION: '该项目或时间节点当前状态下不能执行此操作',
  ALREADY_SIGNED: '贵方已对该版本作出签署决定',
  HASH_MISMATCH: '协议内容已变化，与您核对的摘要不一致，请刷新后重新核对',
  NOT_ELIGIBLE: '不符合疗休养报名条件',
  QUOTA_EXHAUSTED: '疗休养名额已用完',
  BOOKING_CLOSED: '已过报名或取消的截止时间',
  BOOKING_STATE: '该报名当前状态下不能执行此操作',
  FEDERATION_SUSPENDED: '所属工会的平台账户已暂停，暂时无法登录，请联系平台运营方',
  INTERNAL: '系统繁忙，请稍后再试',
} satisfies Record<ErrorCode, string>;

export const errorMessagesEn: Record<ErrorCode, string> = {
  UNAUTHORIZED: 'Please sign in first',
  FORBIDDEN: 'You do not have permission to do this',
  NOT_FOUND: 'Not found, or you may not see it',
  BAD_INPUT: 'Some input is not valid; please check and try again',
  CONFLICT: 'This conflicts with existing data',
  STALE_VERSION: 'Someone else changed this; please reload and try again',
  RATE_LIMITED: 'Too many attempts; please try again later',
  INVALID_CREDENTIALS: 'Email or password is incorrect',
  CSRF: 'The request came from an untrusted page; please reload and try again',
  PAYLOAD_TOO_LARGE: 'What you sent is too large',
  INVITATION_INVALID: 'The invitation link is invalid or has expired',
  DUPLICATE_ID_NUMBER: 'A member with this ID number already exists',
  ORG_UNIT_NOT_EMPTY: 'This unit still has sub-units or members and cannot be deleted',
  ORG_UNIT_CYCLE: 'A unit cannot be moved under itself or its own sub-unit',
  LAST_ADMIN: 'At least one administrator must remain',
  ALREADY_MEMBER: 'This user is already on the staff',
  INVALID_TRANSITION: 'The agreement is not in a state that allows this',
  ITEM_TRANSITION: 'The item or milestone is not in a state that allows this',
  ALREADY_SIGNED: 'Your federation has already decided on this version',
  HASH_MISMATCH: 'The content changed: its hash is not the one you checked; reload and check again',
  NOT_ELIGIBLE: 'Not eligible for this recuperation trip',
  QUOTA_EXHAUSTED: 'No recuperation places are left',
  BOOKING_CLOSED: 'The booking or cancellation deadline has passed',
  BOOKING_STATE: 'The booking is not in a state that allows this',
  FEDERATION_SUSPENDED: 'Your federation is suspended on the platform; please contact the platform operator',
  INTERNAL: 'Something went wrong on our side; please try again later',
};

/** Field-level validation messages; the key is the zod issue message or code. */
export const validationMessagesZh = {
  required: '必填',
  too_small: '内容过短',
  too_big: '内容过长',
  invalid_format: '格式不正确',
  invalid_type: '类型不正确',
  invalid_value: '取值不在允许范围内',
  date: '请填写有效日期（YYYY-MM-DD）',
  text_invalid_char: '内容含有无法保存的字符',
  id_number_invalid: '身份证号无效（校验位不符）',
  mobile_invalid: '手机号格式不正确',
  password_too_short: '密码至少 10 位',
  org_unit_unknown: '组织不存在',
  duplicate_in_file: '与文件中其他行重复',
  duplicate_existing: '该身份证号已登记为会员',
  honour_unknown: '荣誉类别不存在',
  term_order: '结束日期不能早于开始日期',
  duplicate_clause: '条款编号重复',
  phone_invalid: '电话号码格式不正确（手机号或带区号的固定电话）',
  email_invalid: '电子邮箱格式不正确',
  // joint items: work-plan import
  party_unknown: '不是本协议的缔约方',
  kind_unknown: '类别不存在（思想共同引领、权益共同维护、技能共同提升、身心共同关爱、项目共同研究）',
  status_unknown: '状态不存在（未启动、推进中、完成、延期、取消）',
  schedule_invalid: '时间节点格式应为“起止：2026-01-01 至 2026-12-31”，每个节点一行“2026-06-30 节点名称”',
  responsible_invalid: '责任人应写作“单位：姓名”，双方以“；”分隔',
  item_exists: '本协议已有同一类别、同一名称的项目',
} as const;
export type ValidationKey = keyof typeof validationMessagesZh;

export const validationMessagesEn: Record<ValidationKey, string> = {
  required: 'Required',
  too_small: 'Too short',
  too_big: 'Too long',
  invalid_format: 'Invalid format',
  invalid_type: 'Invalid type',
  invalid_value: 'Not an allowed value',
  date: 'Enter a real date as YYYY-MM-DD',
  text_invalid_char: 'The text contains characters that cannot be stored',
  id_number_invalid: 'Invalid ID number (check digit does not match)',
  mobile_invalid: 'Invalid mobile number',
  password_too_short: 'The password needs at least 10 characters',
  org_unit_unknown: 'Unknown org unit',
  duplicate_in_file: 'Duplicates another row of the file',
  duplicate_existing: 'A member with this ID number already exists',
  honour_unknown: 'Unknown honour kind',
  term_order: 'The end date cannot be before the start date',
  duplicate_clause: 'Two clauses have the same key',
  phone_invalid: 'Invalid phone number (a mobile, or a landline with its area code)',
  email_invalid: 'Invalid email address',
  party_unknown: 'Not a party to this agreement',
  kind_unknown: 'Unknown kind (programme, rights, contest, recuperation, project)',
  status_unknown: 'Unknown status (not started, in progress, done, delayed, cancelled)',
  schedule_invalid: 'Write the schedule as "起止：2026-01-01 至 2026-12-31", then one milestone per line: "2026-06-30 title"',
  responsible_invalid: 'Write responsible persons as "federation：name", separated by "；"',
  item_exists: 'The agreement already has an item of this kind with this title',
};

export function errorMessage(code: ErrorCode, locale: string): string {
  return (locale === 'en' ? errorMessagesEn : errorMessagesZh)[code];
}

export function validationMessage(key: string, locale: string): string {
  const table: Record<string, string> = locale === 'en' ? validationMessagesEn : validationMessagesZh;
  return table[key] ?? table.invalid_format!;
}
