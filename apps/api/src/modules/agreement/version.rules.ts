import type { AgreementContent } from '@uc/contracts';
import { canonicalJson, sha256Hex } from '../../lib/canonical.ts';

/**
 * The content hash every signer sees: SHA-256 over a canonical serialisation of what is signed —
 * the agreement id, the version number, the parties in order and the content.
 */
export function agreementContentHash(input: {
  agreementId: string;
  versionNumber: number;
  parties: { slug: string; nameZh: string }[];
  content: AgreementContent;
}): string {
  return sha256Hex(
    canonicalJson({
      agreementId: input.agreementId,
      version: input.versionNumber,
      parties: input.parties.map((p) => ({ slug: p.slug, nameZh: p.nameZh })),
      content: input.content,
    }),
  );
}
