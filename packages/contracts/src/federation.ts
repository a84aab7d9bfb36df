import { z } from 'zod';
import { auditEventDto } from './audit.ts';

export const FEDERATION_STATUSES = ['active', 'suspended'] as const;
export const federationDto = z.object({
  id: z.string(),
  slug: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  city: z.string(),
  /** partners see a suspended federation as suspended (its agreements read-only) */
  status: z.enum(FEDERATION_STATUSES).default('active'),
});
export type FederationDto = z.infer<typeof federationDto>;

export const federationHomeDto = z.object({
  federation: federationDto,
  counts: z.object({ orgUnits: z.number(), members: z.number(), staff: z.number() }),
  recentActivity: z.array(auditEventDto),
});
export type FederationHomeDto = z.infer<typeof federationHomeDto>;

// ---- the platform operator (issue 12): onboarding and suspending federations ----

/** a slug: lower-case letters, digits and dashes, 2–40, starting with a letter */
export const federationSlug = z.string().trim().toLowerCase().regex(/^[a-z][a-z0-9-]{1,39}$/, { error: 'slug_invalid' });
/** a GB/T 2260 administrative division code, e.g. 330300 for 温州市 */
export const regionCode = z.string().trim().regex(/^\d{6}$/, { error: 'region_code_invalid' });

export const federationCreateInput = z.object({
  slug: federationSlug,
  nameZh: z.string().trim().min(2).max(60),
  nameEn: z.string().trim().min(2).max(120),
  city: z.string().trim().min(1).max(40),
  regionCode,
  contactName: z.string().trim().min(1).max(50),
  contactEmail: z.email().max(254),
  contactPhone: z.string().trim().max(30).default(''),
  /** the first admin, invited by email */
  adminEmail: z.email().max(254),
  adminName: z.string().trim().min(1).max(50),
});
export type FederationCreateInput = z.infer<typeof federationCreateInput>;

export const federationSuspendInput = z.object({ slug: z.string().max(40), reason: z.string().trim().min(2).max(500) });
export const federationReactivateInput = z.object({ slug: z.string().max(40) });

export const platformFederationDto = federationDto.extend({
  regionCode: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string(),
  createdAt: z.string(),
  suspendedAt: z.string().nullable(),
  suspendedReason: z.string().nullable(),
  staff: z.number(),
  pendingInvitations: z.number(),
});
export type PlatformFederationDto = z.infer<typeof platformFederationDto>;

export const platformAuditDto = z.object({
  seq: z.number(),
  at: z.string(),
  actorLabel: z.string(),
  type: z.string(),
  entityId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export const platformAuditVerifyDto = z.object({ ok: z.boolean(), count: z.number(), brokenAt: z.number().nullable() });
