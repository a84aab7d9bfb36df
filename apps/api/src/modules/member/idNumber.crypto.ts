import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { maskIdNumber } from '@uc/contracts';

// ID numbers are stored encrypted (AES-256-GCM), with an HMAC for uniqueness and lookup that
// does not reveal the number, and the masked form for display.
export interface SealedIdNumber {
  idNumberEnc: string;
  idNumberHmac: string;
  idNumberMasked: string;
}

export function sealIdNumber(key: Buffer, idNumber: string): SealedIdNumber {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const enc = Buffer.concat([cipher.update(idNumber, 'utf8'), cipher.final()]);
  return {
    idNumberEnc: `v1.${iv.toString('base64')}.${enc.toString('base64')}.${cipher.getAuthTag().toString('base64')}`,
    idNumberHmac: idNumberHmac(key, idNumber),
    idNumberMasked: maskIdNumber(idNumber),
  };
}

export function idNumberHmac(key: Buffer, idNumber: string): string {
  return createHmac('sha256', key).update(`id-number:${idNumber}`).digest('hex');
}

export function openIdNumber(key: Buffer, sealed: string): string {
  const [version, iv, enc, tag] = sealed.split('.');
  if (version !== 'v1' || !iv || !enc || !tag) throw new Error('unknown ID number format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(enc, 'base64')), decipher.final()]).toString('utf8');
}
