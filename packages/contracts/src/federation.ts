import { z } from 'zod';
import { auditEventDto } from './audit.ts';

export const federationDto = z.object({ id: z.string(), slug: z.string(), nameZh: z.string(), nameEn: z.string(), city: z.string() });
export type FederationDto = z.infer<typeof federationDto>;

export const federationHomeDto = z.object({
  federation: federationDto,
  counts: z.object({ orgUnits: z.number(), members: z.number(), staff: z.number() }),
  recentActivity: z.array(auditEventDto),
});
export type FederationHomeDto = z.infer<typeof federationHomeDto>;
