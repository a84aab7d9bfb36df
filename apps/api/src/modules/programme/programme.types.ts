import { PROGRAMME_REG_ACTIVE, PROGRAMME_REG_HOLDING, programmeEvents, programmeRegistrations, programmeSessions, programmeVenues } from '@uc/db';
import type { ClaimTable } from '../place/index.ts';

// Rows of the programme tables, and the registration table as the places engine reads it.

export type VenueRow = typeof programmeVenues.$inferSelect;
export type EventRow = typeof programmeEvents.$inferSelect;
export type SessionRow = typeof programmeSessions.$inferSelect;
export type RegistrationRow = typeof programmeRegistrations.$inferSelect;

/** the engine's pool kind for a session's seats */
export const POOL_KIND = 'programme.session';
export const ACTIVE = PROGRAMME_REG_ACTIVE;
export const HOLDING = PROGRAMME_REG_HOLDING;

const r = programmeRegistrations;
export const registrationClaims: ClaimTable = {
  table: r,
  columns: {
    tenantId: r.tenantId,
    id: r.id,
    hostTenantId: r.hostTenantId,
    poolId: r.poolId,
    memberId: r.memberId,
    status: r.status,
    units: r.units,
    onShare: r.onShare,
    quotaId: r.quotaId,
    allocationId: r.allocationId,
    quotaPlaces: r.quotaPlaces,
    priorityRank: r.priorityRank,
    requestedAt: r.requestedAt,
    offerExpiresAt: r.offerExpiresAt,
    idempotencyKey: r.idempotencyKey,
    rowVersion: r.rowVersion,
    updatedAt: r.updatedAt,
  },
};
