// The org-unit tree.
export { findOrgUnit } from './orgUnit.query.ts';
export { orgUnitRouter } from './orgUnit.router.ts';
