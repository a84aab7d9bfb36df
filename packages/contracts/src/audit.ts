import { z } from 'zod';
import { dateString, instantString } from './common.ts';
import { personRef } from './person.ts';

export const auditEventDto = z.object({
  seq: z.number(),
  at: instantString,
  /** 姓名 + 职务 + 单位, or the system */
  actor: personRef,
  ip: z.string().nullable(),
  type: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type AuditEventDto = z.infer<typeof auditEventDto>;

export const auditListInput = z.object({
  type: z.string().max(64).optional(),
  from: dateString.optional(),
  to: dateString.optional(),
  /** show events with seq below this (newest first) */
  beforeSeq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
/** the audit log's filters without paging: what audit.exportXlsx exports */
export const auditExportInput = auditListInput.pick({ type: true, from: true, to: true });
/** an .xlsx file, base64 encoded, for a download route */
export const auditFileDto = z.object({ filename: z.string(), base64: z.string() });
export const auditListDto = z.object({ items: z.array(auditEventDto), nextBeforeSeq: z.number().nullable() });

export const auditVerifyDto = z.object({
  ok: z.boolean(),
  checked: z.number(),
  /** the first event whose stored hash does not match its content or its predecessor */
  brokenAtSeq: z.number().nullable(),
});
export type AuditVerifyDto = z.infer<typeof auditVerifyDto>;

/** A signed statement of the federation's audit chain head (docs/decisions/0024), to keep outside the platform. */
export const auditStatementDto = z.object({
  statement: z.object({
    kind: z.literal('union-commons.audit-head'),
    federationId: z.string(),
    federationSlug: z.string(),
    seq: z.number(),
    hash: z.string(),
    at: instantString,
  }),
  /** Ed25519 over the statement's canonical JSON (keys sorted, no spaces), base64 */
  signature: z.string(),
  /** SPKI PEM of the signing key */
  publicKey: z.string(),
});
export type AuditStatementDto = z.infer<typeof auditStatementDto>;
