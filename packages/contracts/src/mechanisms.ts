import { z } from 'zod';
import { jointKind } from './agreement.ts';
import { dateString, isStorableText, rowVersion, trimmed, uuid } from './common.ts';
import { isValidEmail } from './email.ts';

// Mechanisms (机制保障, seed 003 / DOMAIN §2): liaison pairs and joint meetings of an agreement.

const MOBILE = /^(\+?86[- ]?)?1[3-9]\d{9}$/;
/** area code 0xx/0xxx, 7–8 digit number, optional extension: 0571-87654321, 057487654321-8001, 0571-87654321转123 */
const LANDLINE = /^0\d{2,3}[- ]?\d{7,8}([-转]\d{1,6})?$/;

/** A Chinese mobile or landline number. */
export function isValidPhone(v: string): boolean {
  return MOBILE.test(v) || LANDLINE.test(v);
}
export { isValidEmail } from './email.ts';

/** blank (not filled in yet) or a valid phone number */
export const phoneSchema = z
  .string()
  .trim()
  .max(30)
  .refine((v) => v === '' || isValidPhone(v), { error: 'phone_invalid' });
/** blank or a valid email address */
export const emailSchema = z
  .string()
  .trim()
  .max(200)
  .refine((v) => v === '' || isValidEmail(v), { error: 'email_invalid' });

// ---- liaison pairs (联络员 / 对口部门) ----

export const LIAISON_LEVELS = ['vice_chair', 'department', 'industry', 'district'] as const;
export const liaisonLevel = z.enum(LIAISON_LEVELS);
export type LiaisonLevel = z.infer<typeof liaisonLevel>;

/** One party's side of a pair. A party may only fill in (or change) its own side. */
export const liaisonSideInput = z.object({
  partySlug: z.string().max(40),
  unitName: z.string().trim().max(100).default(''),
  contactName: z.string().trim().max(50).default(''),
  title: z.string().trim().max(50).default(''),
  phone: phoneSchema.default(''),
  email: emailSchema.default(''),
});
export type LiaisonSideInput = z.infer<typeof liaisonSideInput>;

export const liaisonListInput = z.object({ agreementId: uuid });
export const liaisonCreateInput = z.object({
  agreementId: uuid,
  level: liaisonLevel,
  sides: z.array(liaisonSideInput).max(10).default([]),
});
export const liaisonUpdateInput = z.object({
  id: uuid,
  rowVersion,
  level: liaisonLevel.optional(),
  sides: z.array(liaisonSideInput).max(10).default([]),
});
export const liaisonDeleteInput = z.object({ id: uuid, rowVersion });

export const liaisonContactDto = z.object({
  partySlug: z.string(),
  partyNameZh: z.string(),
  partyNameEn: z.string(),
  unitName: z.string(),
  contactName: z.string(),
  title: z.string(),
  phone: z.string(),
  email: z.string(),
  /** the caller's own side, and the caller may write now */
  editable: z.boolean(),
});
export const liaisonPairDto = z.object({
  id: z.string(),
  agreementId: z.string(),
  level: liaisonLevel,
  contacts: z.array(liaisonContactDto),
  createdBySlug: z.string(),
  rowVersion: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LiaisonPairDto = z.infer<typeof liaisonPairDto>;

// ---- joint meetings (联席会议) ----

/** text that must be there: blank (or only spaces) reads 必填, not 内容过短 */
const filled = (max: number) => z.string().trim().min(1, { error: 'required' }).max(max).refine(isStorableText, { error: 'text_invalid_char' });

export const MEETING_STATUSES = ['planned', 'held'] as const;
export const meetingStatus = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof meetingStatus>;

export const meetingAttendee = z.object({
  name: trimmed(1, 50),
  /** the attendee's federation: one of the parties */
  federationSlug: z.string().max(40),
  title: z.string().trim().max(50).default(''),
});
export type MeetingAttendee = z.infer<typeof meetingAttendee>;

export const meetingListInput = z.object({ agreementId: uuid });
export const meetingCreateInput = z.object({
  agreementId: uuid,
  meetingDate: dateString,
  title: trimmed(1, 200),
  /** the partner is notified on creation: the notice carries the place and the agenda, so both are required */
  location: filled(200),
  /** the items to discuss (议程), plain text */
  agenda: filled(5000),
  /** omitted: the parties host in turn (the one after the previous meeting's host) */
  hostSlug: z.string().max(40).optional(),
  attendees: z.array(meetingAttendee).max(200).default([]),
});
export const meetingUpdateInput = z.object({
  id: uuid,
  rowVersion,
  meetingDate: dateString.optional(),
  title: trimmed(1, 200).optional(),
  location: filled(200).optional(),
  agenda: filled(5000).optional(),
  hostSlug: z.string().max(40).optional(),
  attendees: z.array(meetingAttendee).max(200).optional(),
  /** plain text */
  minutes: z.string().max(50_000).optional(),
  status: meetingStatus.optional(),
});
/** Who would host a meeting on that date if nobody chose: the turn meeting.create takes by default. */
export const meetingNextHostInput = z.object({ agreementId: uuid, meetingDate: dateString });
export const meetingHostDto = z.object({ slug: z.string(), nameZh: z.string(), nameEn: z.string() });
export const meetingAddDecisionInput = z.object({ meetingId: uuid, text: trimmed(1, 2000) });
/** Turns a decision into a joint item in one step (source 'meeting'). */
export const decisionToItemInput = z.object({
  decisionId: uuid,
  kind: jointKind,
  /** defaults to the decision's text */
  title: trimmed(1, 120).optional(),
  description: z.string().trim().max(2000).optional(),
  leadSlug: z.string().max(40),
  /** default: the meeting date */
  startDate: dateString.optional(),
  /** default: the end of the agreement's term */
  endDate: dateString.optional(),
});

export const meetingDecisionDto = z.object({
  id: z.string(),
  meetingId: z.string(),
  text: z.string(),
  jointItemId: z.string().nullable(),
  createdBySlug: z.string(),
  createdAt: z.string(),
});
export type MeetingDecisionDto = z.infer<typeof meetingDecisionDto>;

export const meetingSummaryDto = z.object({
  id: z.string(),
  agreementId: z.string(),
  meetingDate: z.string(),
  title: z.string(),
  location: z.string(),
  hostSlug: z.string(),
  hostNameZh: z.string(),
  hostNameEn: z.string(),
  status: meetingStatus,
  decisionCount: z.number(),
  rowVersion: z.number(),
});
export type MeetingSummaryDto = z.infer<typeof meetingSummaryDto>;

export const meetingDto = meetingSummaryDto.extend({
  attendees: z.array(z.object({ name: z.string(), federationSlug: z.string(), title: z.string() })),
  agenda: z.string(),
  minutes: z.string(),
  decisions: z.array(meetingDecisionDto),
  createdBySlug: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MeetingDto = z.infer<typeof meetingDto>;
