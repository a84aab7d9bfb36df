import type { Commons, CooperationSectionDto } from '@uc/contracts';
import type { ServiceCtx } from '../../service.ts';
import type { AgreementRow, PartyRow } from '../agreement/index.ts';

// The cooperation of an agreement in a year is a list of sections, one from each provider a commons
// module registers from its register() (cooperation.provider.ts); this module imports none of them.
// A provider computes its figures with the same query functions its module's pages call, so the
// overview and the annual report reconcile exactly with those pages.

export interface CooperationScope {
  /** the agreement (the caller's federation is a party) */
  agreement: AgreementRow;
  parties: PartyRow[];
  year: number;
  /** today in Asia/Shanghai */
  today: string;
}

export interface CooperationProvider {
  commons: Commons;
  /** sections are shown in this order (items, recuperation, programme, contest, rights, mechanism) */
  order: number;
  /** null when the commons has nothing under this agreement in this year */
  load(ctx: ServiceCtx, scope: CooperationScope): Promise<CooperationSectionDto | null>;
}
