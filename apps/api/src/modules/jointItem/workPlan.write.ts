import type { AgreementContent } from '@uc/contracts';
import type { ServiceCtx } from '../../service.ts';
import { findAgreement, findParties, findVersion } from '../agreement/index.ts';
import { insertJointItem } from './jointItem.write.ts';
import { findItemsOfAgreement } from './jointItem.repo.ts';

const keyOf = (kind: string, title: string) => `${kind}\u0000${title}`;

/**
 * Turns the work plan of the version that just came into force into joint items. Called when an
 * agreement becomes active — the first time and after every amendment — it creates only the items
 * whose (kind, title) the agreement does not have yet, so activation never duplicates an item and
 * an amendment adds just the items it introduced. Runs under the agreement row lock taken by the
 * signature, so two activations cannot race.
 */
export async function createPlannedItems(ctx: ServiceCtx, agreementId: string, versionId: string): Promise<number> {
  const a = await findAgreement(ctx, agreementId);
  const version = await findVersion(ctx, a, versionId);
  const content = version.content as AgreementContent;
  const parties = await findParties(ctx, a);
  const initiator = parties.find((p) => p.role === 'initiator') ?? parties[0]!;
  const seen = new Set((await findItemsOfAgreement(ctx, a)).map((i) => keyOf(i.kind, i.title)));
  let created = 0;
  for (const section of content.commons) {
    if (!section.enabled) continue;
    for (const planned of section.items) {
      const key = keyOf(section.kind, planned.title);
      if (seen.has(key)) continue;
      seen.add(key);
      // saving a version checks leadSlug against the parties; the initiator is only a safety net
      const lead = parties.find((p) => p.slug === planned.leadSlug) ?? initiator;
      const startDate = planned.startDate ?? content.termStart;
      const endDate = planned.endDate ?? content.termEnd;
      await insertJointItem(ctx, a, parties, {
        kind: section.kind,
        title: planned.title,
        description: planned.description,
        leadTenantId: lead.tenantId,
        startDate,
        // an item starting after the term would otherwise end before it starts
        endDate: endDate < startDate ? startDate : endDate,
        source: 'plan',
        sourceRef: null,
      });
      created++;
    }
  }
  return created;
}
