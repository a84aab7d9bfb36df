import type { AgreementContent, Clause, CommonsSection } from '@uc/contracts';
import type { ServiceCtx } from '../../service.ts';
import { canonicalJson } from '../../lib/canonical.ts';
import { findAgreement, findParties, findVersion } from './agreement.repo.ts';
import { versionSummary } from './agreement.query.ts';
import { loadPeople } from '../person/index.ts';

/** Two versions side by side: the header fields, each clause (by its stable key), each of the five commons. */
export async function compareVersions(ctx: ServiceCtx, input: { id: string; leftVersionId: string; rightVersionId: string }) {
  const a = await findAgreement(ctx, input.id);
  const [l, r] = await Promise.all([findVersion(ctx, a, input.leftVersionId), findVersion(ctx, a, input.rightVersionId)]);
  const parties = await findParties(ctx, a);
  const slugOf = new Map(parties.map((p) => [p.tenantId, p.slug]));
  const people = await loadPeople(ctx, [l.createdByUserId, r.createdByUserId], parties.map((p) => p.tenantId));
  const left = l.content as AgreementContent;
  const right = r.content as AgreementContent;
  return {
    left: versionSummary(l, slugOf, people),
    right: versionSummary(r, slugOf, people),
    fields: (['title', 'preamble', 'termStart', 'termEnd'] as const).map((field) => ({
      field,
      left: left[field],
      right: right[field],
      changed: left[field] !== right[field],
    })),
    clauses: diffClauses(left.clauses, right.clauses),
    commons: diffCommons(left.commons, right.commons),
  };
}

export function diffClauses(left: Clause[], right: Clause[]) {
  const keys = [...new Set([...right.map((c) => c.key), ...left.map((c) => c.key)])];
  // keep the order of the newer version, removed clauses where they stood in the older one
  return keys.map((key) => {
    const l = left.find((c) => c.key === key) ?? null;
    const r = right.find((c) => c.key === key) ?? null;
    const change = !l ? 'added' : !r ? 'removed' : l.heading === r.heading && l.body === r.body ? 'same' : 'changed';
    return { key, change: change as 'same' | 'changed' | 'added' | 'removed', left: l, right: r };
  });
}

export function diffCommons(left: CommonsSection[], right: CommonsSection[]) {
  const kinds = [...new Set([...left.map((c) => c.kind), ...right.map((c) => c.kind)])];
  return kinds.map((kind) => {
    const l = left.find((c) => c.kind === kind) ?? null;
    const r = right.find((c) => c.kind === kind) ?? null;
    return { kind, changed: canonicalJson(l) !== canonicalJson(r), left: l, right: r };
  });
}
