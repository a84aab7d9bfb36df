export const systemActor = { userId: null, label: 'system', ip: null, userAgent: null, roles: [], memberId: null };
export function hasRole(actor, ...roles) {
    return actor.roles.some((r) => roles.includes(r));
}
