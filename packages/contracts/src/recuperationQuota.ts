import { z } from 'zod';
import { uuid } from './common.ts';

// The quota ledger (名额台账): places a host grants a partner under an agreement for a year.
// granted comes from the agreement's recuperation clause (figures.placesPerYear); the partner
// allocates places down its org tree; used counts places held by bookings; released counts
// places given back over the year. available = granted − used.

export const quotaDto = z.object({
  /** null: a row not yet opened (nothing booked or allocated yet); figures are what it will start with */
  id: z.string().nullable(),
  agreementId: z.string(),
  agreementTitle: z.string(),
  year: z.number(),
  /** granted by (the host) … */
  host: z.object({ slug: z.string(), nameZh: z.string(), nameEn: z.string() }),
  /** … to (the members' federation) */
  receiver: z.object({ slug: z.string(), nameZh: z.string(), nameEn: z.string() }),
  /** which side of it the caller is */
  direction: z.enum(['granted_to_us', 'granted_by_us']),
  granted: z.number(),
  /** the figure the agreement in force sets; granted is above it only when an amendment lowered it below what was already used or handed down */
  agreed: z.number(),
  allocated: z.number(),
  used: z.number(),
  poolUsed: z.number(),
  released: z.number(),
  available: z.number(),
});
export type QuotaDto = z.infer<typeof quotaDto>;

export const quotaListInput = z.object({ year: z.number().int().min(2000).max(2100).optional() });

export const allocationDto = z.object({
  id: z.string(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  places: z.number(),
  used: z.number(),
});
export type AllocationDto = z.infer<typeof allocationDto>;

export const allocationListDto = z.object({ quota: quotaDto, allocations: z.array(allocationDto), pool: z.object({ places: z.number(), used: z.number() }) });

/** Sets an org unit's share (0 removes it); the receiver's staff only. */
export const allocateInput = z.object({
  agreementId: uuid,
  hostSlug: z.string().max(40),
  year: z.number().int().min(2000).max(2100),
  orgUnitId: uuid,
  places: z.number().int().min(0).max(100_000),
});

/** The joint-items dashboard panel: places used each way between the parties of an agreement. */
export const placesPanelInput = z.object({ agreementId: uuid, year: z.number().int().min(2000).max(2100).optional() });
export const placesPanelDto = z.object({
  agreementId: z.string(),
  year: z.number(),
  flows: z.array(
    z.object({
      hostSlug: z.string(),
      hostNameZh: z.string(),
      receiverSlug: z.string(),
      receiverNameZh: z.string(),
      granted: z.number(),
      used: z.number(),
      released: z.number(),
    }),
  ),
});
export type PlacesPanelDto = z.infer<typeof placesPanelDto>;
