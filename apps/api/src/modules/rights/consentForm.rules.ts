import type { ConsentRow } from './rights.types.ts';

// Who sees the worker's signed consent form besides its owner (decision 0056). It carries the
// worker's name and signature: the partner sees it only while the consent holds AND covers both the
// shared documents and the worker's identity (PIPL minimum sharing; the same rule as the row-level
// security of rights_consent_form, migration 0057).

export const formShared = (c: Pick<ConsentRow, 'withdrawnAt' | 'scope'> | undefined) => !!c && !c.withdrawnAt && c.scope.includes('documents') && c.scope.includes('worker_identity');
