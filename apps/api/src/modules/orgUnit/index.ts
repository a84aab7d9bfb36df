// The org-unit tree.
export { findOrgUnit } from './orgUnit.query.ts';
export { orgUnitRouter } from './orgUnit.router.ts';
export { assertMemberInScope, assertUnitInScope, memberInUnitTree, membersInScope, memberScopeCondition, unitScopeCondition, unitSubtree } from './scope.query.ts';
