import { programmeMaterials, programmeRegistrations } from '@uc/db';
import { and, asc, eq, getTableColumns } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import type { EventRow } from './programme.types.ts';

// An event's materials (decision 0053): lists never read the bytes; the file read does. Row-level
// security lets the host and the co-host (while it sees the event) read them.

const { bytes: _bytes, ...META } = getTableColumns(programmeMaterials);
export { META as MATERIAL_META };
export type MaterialMeta = Omit<typeof programmeMaterials.$inferSelect, 'bytes'>;

export const findMaterialsOfEvent = (ctx: Pick<ServiceCtx, 'db'>, e: Pick<EventRow, 'tenantId' | 'id'>): Promise<MaterialMeta[]> =>
  ctx.db
    .select(META)
    .from(programmeMaterials)
    .where(and(eq(programmeMaterials.tenantId, e.tenantId), eq(programmeMaterials.eventId, e.id)))
    .orderBy(asc(programmeMaterials.createdAt), asc(programmeMaterials.id));

export async function findMaterialFile(ctx: Pick<ServiceCtx, 'db'>, id: string) {
  const [row] = await ctx.db.select().from(programmeMaterials).where(eq(programmeMaterials.id, id));
  return row;
}

/** the member holds a seat (registered, checked in or not) at a session of the event, as a row of their home federation */
export async function memberRegisteredFor(ctx: Pick<ServiceCtx, 'db' | 'tenantId'>, memberId: string, e: Pick<EventRow, 'tenantId' | 'id'>): Promise<boolean> {
  const [row] = await ctx.db
    .select({ id: programmeRegistrations.id })
    .from(programmeRegistrations)
    .where(
      and(
        eq(programmeRegistrations.tenantId, ctx.tenantId),
        eq(programmeRegistrations.memberId, memberId),
        eq(programmeRegistrations.hostTenantId, e.tenantId),
        eq(programmeRegistrations.eventId, e.id),
        eq(programmeRegistrations.status, 'registered'),
      ),
    )
    .limit(1);
  return !!row;
}
