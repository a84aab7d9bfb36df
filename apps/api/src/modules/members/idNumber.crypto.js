import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { maskIdNumber } from '@uc/contracts';
export function sealIdNumber(key, idNumber) {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const enc = Buffer.concat([cipher.update(idNumber, 'utf8'), cipher.final()]);
    return {
        idNumberEnc: `v1.${iv.toString('base64')}.${enc.toString('base64')}.${cipher.getAuthTag().toString('base64')}`,
        idNumberHmac: idNumberHmac(key, idNumber),
        idNumberMasked: maskIdNumber(idNumber),
    };
}
export function idNumberHmac(key, idNumber) {
    return createHmac('sha256', key).update(`id-number:${idNumber}`).digest('hex');
}
export function openIdNumber(key, sealed) {
    const [version, iv, enc, tag] = sealed.split('.');
    if (version !== 'v1' || !iv || !enc || !tag)
        throw new Error('unknown ID number format');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(enc, 'base64')), decipher.final()]).toString('utf8');
}
