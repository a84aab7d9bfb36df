import type { AgreementDto, AgreementStatus, JointKind, MeetingAttendee, MeetingDecisionDto, MeetingDto, Role } from '@uc/contracts';

/** Mirrors the API (mechanisms.access.ts): meetings are written while the agreement is in force. */
const WRITERS: readonly Role[] = ['admin', 'signatory', 'lead', 'officer'];

export function canWriteMeetings(roles: readonly Role[], status: AgreementStatus): boolean {
  return status === 'active' && roles.some((r) => WRITERS.includes(r));
}

/** A row of the attendees' form list; rows left blank are dropped rather than refused. */
export interface AttendeeRow {
  name?: string | undefined;
  federationSlug?: string | undefined;
  title?: string | undefined;
}

export function cleanAttendees(rows: readonly AttendeeRow[] | undefined): MeetingAttendee[] {
  return (rows ?? [])
    .map((r) => ({ name: r.name?.trim() ?? '', federationSlug: r.federationSlug ?? '', title: r.title?.trim() ?? '' }))
    .filter((r) => r.name !== '');
}

/** Attendees under their federation, in party order, for reading at a glance. */
export function attendeesByParty(attendees: readonly MeetingDto['attendees'][number][], parties: readonly { slug: string }[]) {
  return parties.map((p) => ({ slug: p.slug, people: attendees.filter((a) => a.federationSlug === p.slug) })).filter((g) => g.people.length > 0);
}

export interface ItemDraft {
  kind: JointKind;
  title: string;
  leadSlug: string;
  startDate: string;
  endDate: string;
}

/** An item's title holds 120 characters (counted as the API counts them, by code point). */
const TITLE_MAX = 120;

/**
 * What the "make joint item" form starts from, as the API would default it: the decision's text as
 * the title, our federation leading, from the meeting's date to the end of the agreement's term.
 */
export function itemDraft(decision: MeetingDecisionDto, meeting: Pick<MeetingDto, 'meetingDate'>, agreement: Pick<AgreementDto, 'termEnd' | 'parties' | 'initiatorSlug'>, slug: string): ItemDraft {
  const ours = agreement.parties.some((p) => p.slug === slug);
  const start = meeting.meetingDate;
  return {
    kind: 'programme',
    title: Array.from(decision.text).slice(0, TITLE_MAX).join('').trim(),
    leadSlug: ours ? slug : agreement.initiatorSlug,
    startDate: start,
    // a meeting after the term's end would give an item that ends before it starts
    endDate: agreement.termEnd >= start ? agreement.termEnd : start,
  };
}
