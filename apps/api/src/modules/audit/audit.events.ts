// Every audit event the platform writes, as one typed union: type, the entity it concerns, its data.
export type AuditEvent =
  // joint items, liaison pairs and joint meetings (issue 3); liaison events name the fields changed per party, not the contact details
  | { type: 'joint_item.created'; entityType: 'joint_item'; data: { agreementId: string; kind: string; title: string; lead: string; source: string; sourceRef: string | null } }
  | { type: 'liaison.created'; entityType: 'liaison_pair'; data: { agreementId: string; level: string } }
  | { type: 'liaison.updated'; entityType: 'liaison_pair'; data: { agreementId: string; level: string; levelFrom?: string; changes: Record<string, string[]> } }
  | { type: 'liaison.deleted'; entityType: 'liaison_pair'; data: { agreementId: string; level: string } }
  | { type: 'meeting.created'; entityType: 'joint_meeting'; data: { agreementId: string; title: string; meetingDate: string; host: string } }
  | { type: 'meeting.updated'; entityType: 'joint_meeting'; data: { agreementId: string; changes: string[] } }
  | { type: 'meeting.decision_added'; entityType: 'meeting_decision'; data: { agreementId: string; meetingId: string } }
  | { type: 'auth.signed_in'; entityType: 'user'; data: Record<string, never> }
  | { type: 'auth.password_changed'; entityType: 'user'; data: Record<string, never> }
  | { type: 'staff.invited'; entityType: 'invitation'; data: { email: string; roles: string[] } }
  | { type: 'staff.invitation_revoked'; entityType: 'invitation'; data: { email: string } }
  | { type: 'staff.joined'; entityType: 'membership'; data: { email: string; roles: string[] } }
  | { type: 'staff.roles_changed'; entityType: 'membership'; data: { email: string; from: string[]; to: string[] } }
  | { type: 'staff.removed'; entityType: 'membership'; data: { email: string } }
  | { type: 'org_unit.created'; entityType: 'org_unit'; data: { name: string; parentId: string | null } }
  | { type: 'org_unit.updated'; entityType: 'org_unit'; data: { changes: Record<string, unknown> } }
  | { type: 'org_unit.deleted'; entityType: 'org_unit'; data: { name: string } }
  | { type: 'member.created'; entityType: 'member'; data: { name: string } }
  | { type: 'member.updated'; entityType: 'member'; data: { changes: string[] } }
  | { type: 'member.deleted'; entityType: 'member'; data: { name: string } }
  | { type: 'member.imported'; entityType: 'member'; data: { count: number } }
  | { type: 'member.exported'; entityType: 'member'; data: { count: number } }
  | { type: 'member.id_number_read'; entityType: 'member'; data: { name: string } }
  | { type: 'federation.seeded'; entityType: 'federation'; data: { slug: string } }
  | { type: 'agreement.created'; entityType: 'agreement'; data: { title: string; parties: string[] } }
  | { type: 'agreement.version_saved'; entityType: 'agreement'; data: { version: number; note: string } }
  | { type: 'agreement.step'; entityType: 'agreement'; data: { step: string; from: string; to: string; reason?: string; contentHash?: string } }
  | { type: 'agreement.signed'; entityType: 'agreement'; data: { party: string; version: number; contentHash: string } }
  | { type: 'agreement.declined'; entityType: 'agreement'; data: { party: string; version: number; reason: string } }
  | { type: 'agreement.activated'; entityType: 'agreement'; data: { version: number; contentHash: string } }
  | { type: 'agreement.commented'; entityType: 'agreement'; data: { clauseKey: string | null; addressedTo: string | null } }
  | { type: 'agreement.pdf_downloaded'; entityType: 'agreement'; data: { version: number; contentHash: string } };

export type AuditEventType = AuditEvent['type'];
