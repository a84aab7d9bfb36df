import { figureOf, hasPartyFigures, type AgreementContent, type CommonsSection, type JointKind, type PartyFigure } from '@uc/contracts';
import { chinaDateTime } from '../../lib/dates.ts';
import { richTextToPlain } from './content.rules.ts';
import { openCjkPdf } from '../../lib/cjkPdf.ts';

// Lays out the agreement as evidence: the signed text, a signature block per party, the content
// hash on every page and a signing certificate page. Pure: everything it shows comes in the model.

export interface PdfParty {
  nameZh: string;
  nameEn: string;
  slug: string;
}

export interface PdfSignature {
  partySlug: string;
  decision: 'signed' | 'declined';
  /** 姓名（单位 职务）: personText of the signatory, never the login email */
  signer: string;
  at: Date;
  ip: string | null;
  userAgent: string | null;
  contentHash: string;
  reason: string | null;
}

export interface PdfModel {
  agreementId: string;
  /** the human number, e.g. 杭甬合〔2026〕1号 */
  number: string;
  versionNumber: number;
  content: AgreementContent;
  parties: PdfParty[];
  signatures: PdfSignature[];
  /** the hash frozen when the version was sent for signature */
  contentHash: string;
  /** recomputed from the stored version just now: false means the stored text was altered */
  hashMatches: boolean;
  frozenAt: Date | null;
  generatedAt: Date;
}

const KIND_ZH: Record<JointKind, string> = {
  programme: '思想共同引领',
  rights: '权益共同维护',
  contest: '技能共同提升',
  recuperation: '身心共同关爱',
  project: '项目共同研究',
};
const PARTY_LABELS = ['甲方', '乙方', '丙方', '丁方', '戊方', '己方', '庚方', '辛方', '壬方', '癸方'];
const partyLabel = (i: number) => PARTY_LABELS[i] ?? `第${i + 1}方`;

const chinaDay = (ymd: string) => {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

const GREY = '#555555';
const BODY = 10.5;

export function renderAgreementPdf(m: PdfModel): Promise<Buffer> {
  const { doc, finished } = openCjkPdf({
    margins: { top: 64, bottom: 80, left: 64, right: 64 },
    bufferPages: true,
    info: { Title: m.content.title, Author: '工会协作平台 Union Commons', Subject: `SHA-256 ${m.contentHash}`, CreationDate: m.generatedAt },
  });

  const w = new Writer(doc);
  agreementText(w, m);
  signatureBlocks(w, m);
  certificatePage(w, m);
  footers(doc, m);
  doc.end();
  return finished;
}

/** Small helpers over pdfkit so the sections below read as the document they produce. */
class Writer {
  constructor(readonly doc: PDFKit.PDFDocument) {}
  get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  title(text: string, size = 18) {
    this.doc.font('bold').fontSize(size).fillColor('black').text(text, { align: 'center' });
    return this;
  }
  heading(text: string, size = 13) {
    this.keep(size * 4);
    this.doc.moveDown(0.6).font('bold').fontSize(size).fillColor('black').text(text, this.doc.page.margins.left);
    this.doc.moveDown(0.3);
    return this;
  }
  /** plain paragraphs, first line indented two characters as Chinese documents are */
  paragraphs(text: string, opts: { indent?: boolean; size?: number } = {}) {
    const size = opts.size ?? BODY;
    for (const p of text.split('\n').map((s) => s.trim()).filter(Boolean)) {
      this.doc.font('body').fontSize(size).fillColor('black').text(p, this.doc.page.margins.left, undefined, {
        indent: opts.indent === false ? 0 : size * 2,
        lineGap: 3,
        paragraphGap: 4,
      });
    }
    return this;
  }
  line(label: string, value: string, size = BODY) {
    this.doc.font('bold').fontSize(size).fillColor('black').text(`${label}：`, this.doc.page.margins.left, undefined, { continued: true });
    this.doc.font('body').text(value, { lineGap: 2 });
    return this;
  }
  note(text: string, size = 9) {
    this.doc.font('body').fontSize(size).fillColor(GREY).text(text, this.doc.page.margins.left, undefined, { lineGap: 2 });
    this.doc.fillColor('black');
    return this;
  }
  /** starts a new page unless `height` points still fit on this one */
  keep(height: number) {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
    return this;
  }
}

function agreementText(w: Writer, m: PdfModel) {
  const c = m.content;
  w.title(c.title);
  w.doc.moveDown(0.4);
  w.note(`${m.number} · 第 ${m.versionNumber} 版`).doc.moveDown(0.8);
  m.parties.forEach((p, i) => w.line(partyLabel(i), `${p.nameZh}（${p.nameEn}）`));
  w.line('协议期限', `${chinaDay(c.termStart)} 至 ${chinaDay(c.termEnd)}`);
  const preamble = richTextToPlain(c.preamble);
  if (preamble) w.heading('序言').paragraphs(preamble);
  for (const clause of c.clauses) {
    w.heading(clause.heading, 12);
    w.paragraphs(richTextToPlain(clause.body) || '（空）');
  }
  if (c.commons.length) {
    w.heading('附件：“五个共”工作清单');
    c.commons.forEach((s, i) => commonsSection(w, m, s, i));
  }
}

function commonsSection(w: Writer, m: PdfModel, s: CommonsSection, index: number) {
  w.heading(`${index + 1}. ${KIND_ZH[s.kind]}${s.enabled ? '' : '（本协议未启用）'}`, 11.5);
  if (s.summary) w.paragraphs(s.summary);
  const figures = [
    figureText(m, s, 'seatsPerCity', (n) => `每场活动每市席位 ${n} 个`, (name, n) => `${name}会员每场活动席位 ${n} 个`),
    figureText(m, s, 'entrantsPerCity', (n) => `每个赛项每市参赛名额 ${n} 名`, (name, n) => `${name}每个赛项参赛名额 ${n} 名`),
    figureText(m, s, 'placesPerYear', (n) => `每方每年为对方会员预留疗休养名额 ${n} 个`, (name, n) => `${name}每年为对方会员预留疗休养名额 ${n} 个`),
  ].filter((x): x is string => x !== null);
  if (figures.length) w.line('约定指标', figures.join('；'));
  if (!s.items.length) return;
  const nameOf = (slug: string) => m.parties.find((p) => p.slug === slug)?.nameZh ?? slug;
  s.items.forEach((item, i) => {
    const when = item.startDate || item.endDate ? `；时间：${item.startDate ? chinaDay(item.startDate) : '—'} 至 ${item.endDate ? chinaDay(item.endDate) : '—'}` : '';
    w.paragraphs(`（${i + 1}）${item.title}（牵头：${nameOf(item.leadSlug)}${when}）${item.description ? `：${item.description}` : ''}`, { indent: false });
  });
}

/**
 * A figure as the clause states it: one sentence for every party, or one per party where the
 * directions differ (the granting party for places, the party whose members take them otherwise).
 */
export function figureText(m: Pick<PdfModel, 'parties'>, s: CommonsSection, figure: PartyFigure, common: (n: number) => string, each: (party: string, n: number) => string): string | null {
  if (hasPartyFigures(s.figures, figure)) {
    const per = m.parties.map((p) => [p.nameZh, figureOf(s.figures, figure, p.slug)] as const).filter((x): x is readonly [string, number] => x[1] !== undefined);
    return per.map(([name, n]) => each(name, n)).join('；');
  }
  const n = s.figures[figure];
  return n !== undefined ? common(n) : null;
}

const SIGNATURE_BLOCK = 95;

function signatureBlocks(w: Writer, m: PdfModel) {
  // the parties' blocks stay on one page together where they fit, as on a paper contract
  const page = w.doc.page;
  w.keep(Math.min(60 + SIGNATURE_BLOCK * m.parties.length, page.height - page.margins.top - page.margins.bottom));
  w.heading('签署');
  m.parties.forEach((p, i) => {
    w.keep(SIGNATURE_BLOCK);
    const s = m.signatures.find((x) => x.partySlug === p.slug);
    w.doc.moveDown(0.5);
    w.line(partyLabel(i), p.nameZh);
    if (!s) {
      w.line('状态', '尚未签署');
      return;
    }
    if (s.decision === 'declined') w.line('状态', `拒绝签署，理由：${s.reason ?? ''}`);
    w.line(s.decision === 'signed' ? '签署人' : '经办人', s.signer);
    w.line(s.decision === 'signed' ? '签署时间' : '时间', `${chinaDateTime(s.at)}（北京时间）`);
    w.line('IP 地址', s.ip ?? '—');
  });
}

function certificatePage(w: Writer, m: PdfModel) {
  w.doc.addPage();
  w.title('签署证书', 20);
  w.doc.font('body').fontSize(11).fillColor(GREY).text('Signing certificate', { align: 'center' });
  w.doc.fillColor('black').moveDown(1);
  w.line('协议名称', m.content.title);
  w.line('协议编号', m.number);
  w.line('版本', `第 ${m.versionNumber} 版${m.frozenAt ? `，${chinaDateTime(m.frozenAt)} 冻结提交签署` : ''}`);
  w.line('缔约方', m.parties.map((p, i) => `${partyLabel(i)} ${p.nameZh}`).join('；'));
  w.line('内容摘要（SHA-256）', m.contentHash);
  w.line('证书生成时间', `${chinaDateTime(m.generatedAt)}（北京时间）`);
  w.line('生成时核验', m.hashMatches ? '一致：按所存版本重新计算的摘要与上述摘要相同' : '不一致：所存版本已被改动，重新计算的摘要与上述摘要不同');

  w.heading('签署记录 Signing events');
  if (!m.signatures.length) w.paragraphs('尚无签署记录。', { indent: false });
  m.signatures.forEach((s, i) => {
    w.keep(100);
    const party = m.parties.find((p) => p.slug === s.partySlug);
    const decision = s.decision === 'signed' ? '签署 signed' : `拒绝签署 declined：${s.reason ?? ''}`;
    w.doc.font('bold').fontSize(BODY).text(`${i + 1}. ${party?.nameZh ?? s.partySlug} · ${decision}`, w.doc.page.margins.left).moveDown(0.2);
    w.line(s.decision === 'signed' ? '签署人' : '经办人', s.signer, 9.5);
    w.line('时间', `${chinaDateTime(s.at)}（北京时间）`, 9.5);
    w.line('IP 地址', s.ip ?? '—', 9.5);
    w.line('浏览器（User agent）', s.userAgent ?? '—', 9.5);
    w.line('签署时确认的摘要', s.contentHash, 9.5);
    w.doc.moveDown(0.5);
  });

  w.heading('核验方法 How to verify');
  w.paragraphs(
    '内容摘要是对协议编号、版本号、缔约方（按顺序的标识与中文名称）及协议全部内容的规范化 JSON 计算的 SHA-256 值，' +
      '在协议提交签署时冻结，每一方签署时均确认同一摘要。核验时，请登录工会协作平台，打开本协议并使用“核验”功能：' +
      '平台按所存版本重新计算摘要，并与冻结时的摘要及每条签署记录中的摘要比对。三者均与本证书及文末技术信息所列摘要一致，' +
      '即证明本文件所载内容与各方签署的版本相同，且签署后未被改动。',
  );
  w.note(
    'The content hash is SHA-256 over the canonical JSON of the agreement id, version number, parties and content, frozen when the version ' +
      'was sent for signature and confirmed by every signer. To verify, open the agreement in Union Commons and use "Verify": the platform ' +
      'recomputes the hash of the stored version and compares it with the frozen hash and each signature. All must equal the hash printed here.',
  );

  // the identifiers machines use, last (issue 16): people read the number above
  w.heading('技术信息 Technical information');
  w.line('系统标识（UUID）', m.agreementId, 9.5);
  w.line('内容摘要（SHA-256）', m.contentHash, 9.5);
}

/** The agreement number, version and page number at the foot of every page (written once all pages exist). */
function footers(doc: PDFKit.PDFDocument, m: PdfModel) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { margins, width, height } = doc.page;
    const bottom = margins.bottom;
    // writing inside the bottom margin must not make pdfkit start a new page
    margins.bottom = 0;
    const opts = { width: width - margins.left - margins.right, align: 'center' as const, lineBreak: false };
    doc.font('body').fontSize(7.5).fillColor(GREY);
    doc.text(`${m.number} · 第 ${m.versionNumber} 版 · 第 ${i + 1} / ${range.count} 页`, margins.left, height - 40, opts);
    margins.bottom = bottom;
  }
  doc.fillColor('black');
}
