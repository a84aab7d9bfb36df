import type { baseCreateInput, BaseDto, baseUpdateInput } from '@uc/contracts';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { getBase } from './base.query.ts';
import { insertBase, updateBaseAtVersion } from './recuperation.repo.ts';

// The host creates and edits its bases; an edit names the row version it started from.

export async function createBase(ctx: ServiceCtx, input: z.infer<typeof baseCreateInput>): Promise<BaseDto> {
  const row = await insertBase(ctx, input);
  await recordAudit(ctx, { type: 'recuperation.base_saved', entityType: 'recuperation_base', entityId: row.id, data: { name: row.name, created: true } });
  return getBase(ctx, row.id);
}

export async function updateBase(ctx: ServiceCtx, input: z.infer<typeof baseUpdateInput>): Promise<BaseDto> {
  const { id, rowVersion, ...fields } = input;
  if (fields.certifiedFrom > fields.certifiedUntil) throw new AppError('BAD_INPUT', { fields: { certifiedUntil: 'term_order' } });
  const row = await updateBaseAtVersion(ctx, id, rowVersion, fields);
  if (!row) {
    await getBase(ctx, id);
    throw new AppError('STALE_VERSION');
  }
  await recordAudit(ctx, { type: 'recuperation.base_saved', entityType: 'recuperation_base', entityId: id, data: { name: row.name, created: false } });
  return getBase(ctx, id);
}
