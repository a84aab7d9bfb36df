import { hash, verify } from '@node-rs/argon2';
// OWASP's argon2id setting: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 };
export const hashPassword = (password) => hash(password, OPTIONS);
export async function verifyPassword(passwordHash, password) {
    try {
        return await verify(passwordHash, password);
    }
    catch {
        return false;
    }
}
// Verifying against this when the email is unknown keeps the response time the same.
let dummyHash = null;
export async function verifyAgainstDummy(password) {
    dummyHash ??= hashPassword('not-a-real-password-0000');
    await verifyPassword(await dummyHash, password);
}
