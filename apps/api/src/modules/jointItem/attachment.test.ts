import { ATTACHMENT_MAX_BYTES } from '@uc/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, makeStaff, signInCookie, startServer, type Harness, type TestUser } from '../../test/harness.ts';
import { DOC, DOCX, XLS, XLSX } from './attachment.rules.ts';
import { activeAgreement, itemOf, makeItemsWorld, type ItemsWorld } from './jointItem.testkit.ts';
import { docx, ole, zip } from './office.testkit.ts';

// a 1×1 PNG and a minimal PDF: real signatures, as the upload checks them
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe('progress updates and attachments', () => {
  let h: Harness;
  let w: ItemsWorld;
  let server: Awaited<ReturnType<typeof startServer>>;
  let bLeadUser: TestUser;
  beforeAll(async () => {
    h = await createHarness();
    w = await makeItemsWorld(h);
    bLeadUser = w.bLeadUser;
    server = await startServer(h);
  });
  afterAll(async () => {
    await server.close();
    await h.close();
  });

  it('posts an at-risk update with an image from one side, seen by the other, setting the item health', async () => {
    const { items } = await activeAgreement(w);
    const item = itemOf(items, 'recuperation');
    const img = await w.bLead.jointItem.attachment.upload({ itemId: item.id, filename: '../现场照片.png', contentType: 'image/png', base64: PNG.toString('base64') });
    expect(img).toMatchObject({ filename: '现场照片.png', contentType: 'image/png', size: PNG.length, updateId: null, partySlug: w.B.slug, url: `/api/joint-items/attachments/${img.id}` });
    const update = await w.bLead.jointItem.progress.post({ itemId: item.id, health: 'at_risk', text: '基地接待能力不足，需调整批次', attachmentIds: [img.id] });
    expect(update).toMatchObject({ partySlug: w.B.slug, author: { kind: 'person', name: bLeadUser.email.split('@')[0], unit: w.B.nameZh }, health: 'at_risk' });
    expect(update.attachments.map((a) => a.id)).toEqual([img.id]);
    const page = await w.aLead.jointItem.page({ id: item.id });
    expect(page.item.health).toBe('at_risk');
    expect(page.updates[0]!.attachments[0]!.updateId).toBe(update.id);
    expect(page.activity.map((e) => e.type).slice(0, 2)).toEqual(['progress.posted', 'attachment.added']);
    // an attachment is linked once, by its own side only
    await expectCode(w.aLead.jointItem.progress.post({ itemId: item.id, health: 'on_track', text: '借用宁波的图', attachmentIds: [img.id] }), 'BAD_INPUT');
  });

  it('takes the type from the bytes, not the claim; refuses an unsupported type and one over the size limit', async () => {
    const { items } = await activeAgreement(w);
    const item = itemOf(items, 'project');
    // a PDF claimed as a PNG is stored (and later served) as the PDF it is
    expect(await w.aLead.jointItem.attachment.upload({ itemId: item.id, filename: 'x.png', contentType: 'image/png', base64: PDF.toString('base64') })).toMatchObject({ contentType: 'application/pdf' });
    await expectCode(
      w.aLead.jointItem.attachment.upload({ itemId: item.id, filename: 'x.html', contentType: 'text/html', base64: Buffer.from('<script>').toString('base64') }),
      'BAD_INPUT',
    );
    // a script claimed as an image is still refused by its bytes
    await expectCode(w.aLead.jointItem.attachment.upload({ itemId: item.id, filename: 'x.png', contentType: 'image/png', base64: Buffer.from('<svg onload=alert(1)>').toString('base64') }), 'BAD_INPUT');
    const big = Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_MAX_BYTES + 1 - PDF.length)]);
    await expectCode(w.aLead.jointItem.attachment.upload({ itemId: item.id, filename: 'big.pdf', contentType: 'application/pdf', base64: big.toString('base64') }), 'PAYLOAD_TOO_LARGE');
    // exactly at the limit is fine
    const max = Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_MAX_BYTES - PDF.length)]);
    expect((await w.aLead.jointItem.attachment.upload({ itemId: item.id, filename: 'max.pdf', contentType: 'application/pdf', base64: max.toString('base64') })).size).toBe(ATTACHMENT_MAX_BYTES);
    await expectCode(w.aOfficer.jointItem.attachment.upload({ itemId: item.id, filename: 'a.pdf', contentType: 'application/pdf', base64: PDF.toString('base64') }), 'FORBIDDEN');
  });

  it('accepts Word and Excel files (doc, docx, xls, xlsx) by their content, and names the uploader as a person', async () => {
    const { items } = await activeAgreement(w);
    const item = itemOf(items, 'rights');
    const up = (filename: string, bytes: Buffer, contentType?: string) =>
      w.bLead.jointItem.attachment.upload({ itemId: item.id, filename, ...(contentType ? { contentType } : {}), base64: bytes.toString('base64') });
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('名额').addRow(['批次', '名额']);
    const xlsxBytes = Buffer.from(await workbook.xlsx.writeBuffer());
    // browsers often send Office files as application/octet-stream, or nothing
    expect(await up('会议纪要.docx', docx('杭甬联席会议纪要'), 'application/octet-stream')).toMatchObject({ contentType: DOCX, filename: '会议纪要.docx' });
    expect(await up('名额分配.xlsx', xlsxBytes)).toMatchObject({ contentType: XLSX });
    expect(await up('旧版通知.doc', ole('WordDocument'), 'application/msword')).toMatchObject({ contentType: DOC });
    expect(await up('旧版名册.xls', ole('Workbook'))).toMatchObject({ contentType: XLS });
    // the bytes decide: a Word file named .xlsx and claimed as Excel is a Word file
    expect(await up('改名.xlsx', docx('其实是 Word'), XLSX)).toMatchObject({ contentType: DOCX });
    // a zip or a compound file that is neither Word nor Excel is refused
    await expectCode(up('压缩包.docx', zip({ 'readme.txt': 'hello' })), 'BAD_INPUT');
    await expectCode(up('幻灯片.doc', ole('PowerPoint Document')), 'BAD_INPUT');
    await expectCode(up('坏的.docx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(40)])), 'BAD_INPUT');
    const listed = (await w.aLead.jointItem.page({ id: item.id })).attachments;
    expect(listed).toHaveLength(5);
    for (const a of listed) {
      expect(a.uploadedBy).toMatchObject({ kind: 'person', unit: w.B.nameZh });
      expect(a.uploadedBy.name).not.toContain('@');
    }
  });

  describe('over HTTP', () => {
    it('serves a Word file as a download whose Chinese name survives (RFC 5987 filename*)', async () => {
      const { items } = await activeAgreement(w);
      const item = itemOf(items, 'recuperation');
      const name = "杭甬会议纪要（第1次）'定稿'.docx";
      const att = await w.aLead.jointItem.attachment.upload({ itemId: item.id, filename: name, base64: docx('纪要').toString('base64') });
      const cookieB = await signInCookie(server.url, w.bLeadUser);
      const got = await fetch(`${server.url}${att.url}`, { headers: { Cookie: cookieB } });
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe(DOCX);
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      // never inline, even without ?download=1
      const cd = got.headers.get('content-disposition')!;
      expect(cd).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%!#$&+\-.^_`|~]+$/);
      expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(cd)![1]!)).toBe(name);
      expect(Buffer.from(await got.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    });


    it('uploads within the body limit and serves the file inline with its type to parties only', async () => {
      const { items } = await activeAgreement(w);
      const item = itemOf(items, 'programme');
      const cookieA = await signInCookie(server.url, w.aLeadUser);
      const post = await fetch(`${server.url}/api/trpc/jointItem.attachment.upload`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: server.url, Cookie: cookieA, 'X-Tenant': w.A.slug },
        body: JSON.stringify({ itemId: item.id, filename: '方案.pdf', contentType: 'application/pdf', base64: Buffer.concat([PDF, Buffer.alloc(2_000_000)]).toString('base64') }),
      });
      expect(post.status).toBe(200);
      const { id, url } = ((await post.json()) as { result: { data: { id: string; url: string } } }).result.data;

      // the other party's lead, without naming a federation: tried in their federations
      const cookieB = await signInCookie(server.url, w.bLeadUser);
      const got = await fetch(`${server.url}${url}`, { headers: { Cookie: cookieB } });
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('application/pdf');
      expect(got.headers.get('content-disposition')).toBe(`inline; filename="__.pdf"; filename*=UTF-8''%E6%96%B9%E6%A1%88.pdf`);
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await got.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
      const saved = await fetch(`${server.url}${url}?download=1`, { headers: { Cookie: cookieB, 'X-Tenant': w.B.slug } });
      expect(saved.headers.get('content-disposition')).toMatch(/^attachment;/);
      await saved.arrayBuffer();

      // a non-party, a party's user acting for a non-party, and nobody signed in
      const outsider = await makeStaff(h, w.C, ['admin', 'lead']);
      const cookieC = await signInCookie(server.url, outsider);
      for (const headers of [{ Cookie: cookieC }, { Cookie: cookieC, 'X-Tenant': w.C.slug }, { Cookie: cookieA, 'X-Tenant': w.C.slug }]) {
        const r = await fetch(`${server.url}/api/joint-items/attachments/${id}`, { headers });
        expect(r.status).toBe(404);
        expect(((await r.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
      }
      const anon = await fetch(`${server.url}/api/joint-items/attachments/${id}`);
      expect(anon.status).toBe(401);
      await anon.arrayBuffer();
      const missing = await fetch(`${server.url}/api/joint-items/attachments/${crypto.randomUUID()}`, { headers: { Cookie: cookieA } });
      expect(missing.status).toBe(404);
      await missing.arrayBuffer();
    });
  });
});
