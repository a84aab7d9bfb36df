import { z } from 'zod';
import { uuid } from './common.ts';

export const notificationDto = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});
export type NotificationDto = z.infer<typeof notificationDto>;
export const notificationListDto = z.object({ items: z.array(notificationDto), unread: z.number() });
export const markReadInput = z.object({ ids: z.array(uuid).min(1).max(200) });
