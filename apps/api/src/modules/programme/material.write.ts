import type { MaterialDto } from '@uc/contracts';
import { programmeMaterials } from '@uc/db';
import { AppError } from '../../errors.ts';
import { acceptFile } from '../../lib/fileStore.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { MATERIAL_META } from './material.repo.ts';
import { toMaterialDto } from './material.query.ts';
import { findEvent, findFederationNames } from './programme.repo.ts';

// The host's or the co-host's staff add a material to an event (decision 0053; DOMAIN §3.1: the
// platform and its topics are shared, so both organisers build the archive). The co-host adds only
// once it sees the event (published, agreement active); the file store checks size and type.

export async function uploadMaterial(ctx: ServiceCtx, input: { eventId: string; filename: string; base64: string }): Promise<MaterialDto> {
  const e = await findEvent(ctx, input.eventId);
  if (!e || (e.tenantId !== ctx.tenantId && e.partnerTenantId !== ctx.tenantId)) throw new AppError('NOT_FOUND');
  const file = acceptFile(input);
  const [row] = await ctx.db
    .insert(programmeMaterials)
    .values({ tenantId: e.tenantId, eventId: e.id, partyTenantId: ctx.tenantId, ...file, uploadedByUserId: ctx.actor.userId, uploadedByLabel: ctx.actor.label, createdAt: ctx.now })
    .returning(MATERIAL_META);
  await recordAudit(ctx, { type: 'programme.material_added', entityType: 'programme_material', entityId: row!.id, data: { eventId: e.id, filename: row!.filename, contentType: file.contentType, size: file.size, sha256: file.sha256 } });
  return toMaterialDto(row!, await findFederationNames(ctx, [ctx.tenantId]), ctx.locale);
}
