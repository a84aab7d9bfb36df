import type { MeetingDecisionDto } from '@uc/contracts';
import { describe, expect, it } from 'vitest';
import { attendeesByParty, canWriteMeetings, cleanAttendees, itemDraft } from './meetings.ts';

describe('canWriteMeetings', () => {
  it('lets staff who run the work write while the agreement is in force', () => {
    expect(canWriteMeetings(['lead'], 'active')).toBe(true);
    expect(canWriteMeetings(['officer', 'judge'], 'active')).toBe(true);
    expect(canWriteMeetings(['judge', 'caseworker'], 'active')).toBe(false);
    expect(canWriteMeetings(['admin'], 'negotiating')).toBe(false);
    expect(canWriteMeetings(['admin'], 'expired')).toBe(false);
  });
});

describe('cleanAttendees', () => {
  it('trims rows and drops the ones left without a name', () => {
    expect(
      cleanAttendees([
        { name: ' 王芳 ', federationSlug: 'hangzhou', title: ' 常务副主席 ' },
        { name: '  ', federationSlug: 'ningbo' },
        {},
        { name: '李强', federationSlug: 'ningbo' },
      ]),
    ).toEqual([
      { name: '王芳', federationSlug: 'hangzhou', title: '常务副主席' },
      { name: '李强', federationSlug: 'ningbo', title: '' },
    ]);
    expect(cleanAttendees(undefined)).toEqual([]);
  });
});

describe('attendeesByParty', () => {
  it('groups attendees under their federation in party order, leaving out empty ones', () => {
    const people = [
      { name: '李强', federationSlug: 'ningbo', title: '' },
      { name: '王芳', federationSlug: 'hangzhou', title: '' },
    ];
    const groups = attendeesByParty(people, [{ slug: 'hangzhou' }, { slug: 'shaoxing' }, { slug: 'ningbo' }]);
    expect(groups.map((g) => [g.slug, g.people.map((p) => p.name)])).toEqual([
      ['hangzhou', ['王芳']],
      ['ningbo', ['李强']],
    ]);
  });
});

describe('itemDraft', () => {
  const decision = (text: string) => ({ id: 'd1', meetingId: 'm1', text, jointItemId: null, createdBySlug: 'hangzhou', createdAt: '' }) as MeetingDecisionDto;
  const agreement = { termEnd: '2029-05-31', initiatorSlug: 'hangzhou', parties: [{ slug: 'hangzhou' }, { slug: 'ningbo' }] } as Parameters<typeof itemDraft>[2];

  it('starts from the decision, our federation leading, from the meeting to the end of the term', () => {
    expect(itemDraft(decision('两地联合开展新就业形态劳动者入会集中行动'), { meetingDate: '2026-06-18' }, agreement, 'ningbo')).toEqual({
      kind: 'programme',
      title: '两地联合开展新就业形态劳动者入会集中行动',
      leadSlug: 'ningbo',
      startDate: '2026-06-18',
      endDate: '2029-05-31',
    });
  });

  it('cuts a long decision to 120 characters without splitting one, and never ends before it starts', () => {
    const long = `${'职'.repeat(119)}😀尾巴`;
    const draft = itemDraft(decision(long), { meetingDate: '2030-01-01' }, agreement, 'shaoxing');
    expect(Array.from(draft.title)).toHaveLength(120);
    expect(draft.title.endsWith('😀')).toBe(true);
    expect(draft).toMatchObject({ leadSlug: 'hangzhou', startDate: '2030-01-01', endDate: '2030-01-01' });
  });
});
