import { FILE_MAX_BYTES } from '@uc/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { makeMembers, makeOpenSession, makeProgrammeWorld, registerFor, type ProgrammeWorld, type TestMember } from './programme.testkit.ts';

// An event's materials (资料, issue 10, decision 0053): the host's and the co-host's staff upload
// them; both parties' staff read them; a member only for an event they hold a seat at; anyone else
// is told NOT_FOUND.

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const b64 = (b: Buffer) => b.toString('base64');

describe('programme materials', () => {
  let h: Harness;
  let w: ProgrammeWorld;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeProgrammeWorld(h);
  }, 120_000);
  afterAll(() => h.close());

  it('the host and the co-host upload; both parties’ staff list and read them', async () => {
    const { eventId } = await makeOpenSession(w);
    const slides = await w.hzStaff.programme.material.upload({ eventId, filename: '宣讲课件.pdf', contentType: 'application/pdf', base64: b64(PDF) });
    expect(slides).toMatchObject({ eventId, filename: '宣讲课件.pdf', contentType: 'application/pdf', size: PDF.length, url: `/api/programme/materials/${slides.id}` });
    h.advance(1000);
    const photo = await w.nbStaff.programme.material.upload({ eventId, filename: '现场.png', base64: b64(PNG) });
    for (const staff of [w.hzStaff, w.nbStaff]) {
      expect((await staff.programme.material.list({ eventId })).map((m) => m.id)).toEqual([slides.id, photo.id]);
      const file = await staff.programme.material.file({ id: photo.id });
      expect(Buffer.from(file.base64, 'base64').equals(PNG)).toBe(true);
    }
    const audit = await h.t.query<{ tenant_id: string }>(`select tenant_id from audit_event where type = 'programme.material_added' and entity_id = $1`, [photo.id]);
    expect(audit.map((a) => a.tenant_id)).toEqual([w.nb.id]);
  });

  it('refuses wrong magic bytes and an oversize file with clear errors', async () => {
    const { eventId } = await makeOpenSession(w);
    await expectCode(w.hzStaff.programme.material.upload({ eventId, filename: 'slides.pdf', contentType: 'application/pdf', base64: b64(Buffer.from('<script>alert(1)</script>')) }), 'BAD_INPUT');
    await expectCode(w.hzStaff.programme.material.upload({ eventId, filename: 'big.pdf', base64: b64(Buffer.concat([PDF, Buffer.alloc(FILE_MAX_BYTES + 1 - PDF.length)])) }), 'PAYLOAD_TOO_LARGE');
    expect(await w.hzStaff.programme.material.list({ eventId })).toEqual([]);
  });

  it('members read the materials only of events they are registered for', async () => {
    const { eventId, sessionId } = await makeOpenSession(w);
    const other = await makeOpenSession(w);
    const m = await w.hzStaff.programme.material.upload({ eventId, filename: '课件.pdf', base64: b64(PDF) });
    const otherM = await w.hzStaff.programme.material.upload({ eventId: other.eventId, filename: '另一场.pdf', base64: b64(PDF) });
    const [hzMember, nbMember, idle] = [...(await makeMembers(h, w.hz, 2)), ...(await makeMembers(h, w.nb, 1))] as [TestMember, TestMember, TestMember];
    // before registering: nothing
    await expectCode(hzMember.caller.programme.material.list({ eventId }), 'NOT_FOUND');
    await registerFor(hzMember, sessionId);
    await registerFor(idle, sessionId);
    expect((await hzMember.caller.programme.material.list({ eventId })).map((x) => x.id)).toEqual([m.id]);
    expect((await hzMember.caller.programme.material.file({ id: m.id })).filename).toBe('课件.pdf');
    // a member of the co-host, registered for the Hangzhou event, reads it too
    expect((await idle.caller.programme.material.list({ eventId })).map((x) => x.id)).toEqual([m.id]);
    // not another event's, not without a seat
    await expectCode(hzMember.caller.programme.material.list({ eventId: other.eventId }), 'NOT_FOUND');
    await expectCode(hzMember.caller.programme.material.file({ id: otherM.id }), 'NOT_FOUND');
    await expectCode(nbMember.caller.programme.material.file({ id: m.id }), 'NOT_FOUND');
    // a member never uploads
    await expectCode(hzMember.caller.programme.material.upload({ eventId, filename: 'x.pdf', base64: b64(PDF) }), 'FORBIDDEN');
    // a cancelled registration closes them again
    const [ticket] = await hzMember.caller.programme.registration.mine();
    await hzMember.caller.programme.registration.cancel({ id: ticket!.id, reason: '' });
    await expectCode(hzMember.caller.programme.material.list({ eventId }), 'NOT_FOUND');
  });

  it('is NOT_FOUND to a federation outside the agreement, and the co-host sees no draft event’s materials', async () => {
    const { eventId } = await makeOpenSession(w);
    const m = await w.hzStaff.programme.material.upload({ eventId, filename: '课件.pdf', base64: b64(PDF) });
    await expectCode(w.sxStaff.programme.material.list({ eventId }), 'NOT_FOUND');
    await expectCode(w.sxStaff.programme.material.file({ id: m.id }), 'NOT_FOUND');
    await expectCode(w.sxStaff.programme.material.upload({ eventId, filename: 'x.pdf', base64: b64(PDF) }), 'NOT_FOUND');
    const [outsider] = (await makeMembers(h, w.sx, 1)) as [TestMember];
    await expectCode(outsider.caller.programme.material.file({ id: m.id }), 'NOT_FOUND');
    const draft = await w.hzStaff.programme.event.create({ agreementId: w.agreementId, kind: 'study', title: '草稿活动', topic: '学习', speakers: [], description: '', releaseHours: 48 });
    await w.hzStaff.programme.material.upload({ eventId: draft.id, filename: '草稿.pdf', base64: b64(PDF) });
    await expectCode(w.nbStaff.programme.material.list({ eventId: draft.id }), 'NOT_FOUND');
    await expectCode(w.nbStaff.programme.material.upload({ eventId: draft.id, filename: 'x.pdf', base64: b64(PDF) }), 'NOT_FOUND');
  });
});
