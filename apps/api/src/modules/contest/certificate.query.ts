import { z } from 'zod';
import type { certificateDto, verifyCertificateDto } from '@uc/contracts';
import { withCertificateNumber } from '@uc/db';
import { AppError } from '../../errors.ts';
import type { ServiceCtx, UserCtx } from '../../service.ts';
import { visibleEvent } from './contest.access.ts';
import { findCertificateByNumber, findCertificatesOfEvent } from './contest.repo.ts';
import { certificateHash } from './contest.rules.ts';
import { renderPdf } from '../../lib/renderPool.ts';

// Certificates: the list of an event's (named federations), and the public verification page
// (/verify/certificate/<number>), which reads one certificate by its number in a transaction
// where nothing else is visible, recomputes its hash and shows only the masked facts.

type Cert = Awaited<ReturnType<typeof findCertificatesOfEvent>>[number];

const dto = (c: Cert): z.infer<typeof certificateDto> => ({
  number: c.number,
  maskedName: c.maskedName,
  contestTitle: c.contestTitle,
  trade: c.trade,
  award: c.award,
  title: c.title,
  issuedOn: c.issuedOn,
  issuers: c.issuers,
  hash: c.hash,
});

export async function listCertificates(ctx: ServiceCtx, eventId: string) {
  const { event } = await visibleEvent(ctx, eventId);
  return (await findCertificatesOfEvent(ctx, event.id)).map(dto);
}

export async function verifyCertificate(ctx: UserCtx, number: string): Promise<z.infer<typeof verifyCertificateDto>> {
  const found = await withCertificateNumber(ctx.db, number, (tx) => findCertificateByNumber({ db: tx }, number));
  if (!found) throw new AppError('NOT_FOUND');
  const facts = dto(found);
  return { ...facts, valid: certificateHash(facts) === found.hash };
}

/** One certificate of an event as its PDF, with the QR code to the public verification page. */
export async function certificatePdf(ctx: ServiceCtx, eventId: string, number: string) {
  const { event } = await visibleEvent(ctx, eventId);
  const c = (await findCertificatesOfEvent(ctx, event.id)).find((x) => x.number === number);
  if (!c) throw new AppError('NOT_FOUND');
  const verifyUrl = `${ctx.env.publicUrl.replace(/\/$/, '')}/verify/certificate/${c.number}`;
  const pdf = await renderPdf({ kind: 'certificate', model: { ...dto(c), verifyUrl } });
  return { filename: `荣誉证书-${c.number}.pdf`, contentType: 'application/pdf', base64: pdf.toString('base64') };
}
