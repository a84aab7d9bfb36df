import type { ContestAspect } from '@uc/db';

// Every audit event the platform writes, as one typed union: type, the entity it concerns, its data.
export type AuditEvent =
  // rights protection (issue 11): no personal data in the log; every read of a case file, granted or refused
  | { type: 'rights.case_created'; entityType: 'rights_case'; data: { disputeKind: string; source: string; member: boolean; duplicates: number } }
  | { type: 'rights.case_read'; entityType: 'rights_case'; data: { referrals: number } }
  | { type: 'rights.consent_recorded'; entityType: 'rights_consent'; data: { caseId: string; partner: string; method: string; scope: string[]; form?: { contentType: string; size: number; sha256: string } } }
  | { type: 'rights.consent_withdrawn'; entityType: 'rights_consent'; data: { caseId: string; partner: string; reason: string } }
  | { type: 'rights.referral_step'; entityType: 'rights_referral'; data: { step: string; from: string | null; to: string; referrer: string; performer: string } }
  | { type: 'rights.file_read'; entityType: 'rights_referral'; data: { referrer: string; outcome: 'read' | 'refused'; reason?: string; documentId?: string; fileId?: string } }
  | { type: 'rights.document_added'; entityType: 'rights_case_document'; data: { caseId: string; kind: string; shared: boolean; contentType: string; size: number; sha256: string } }
  | { type: 'rights.document_read'; entityType: 'rights_case_document'; data: { caseId: string; referrals: number } }
  | { type: 'rights.consent_form_read'; entityType: 'rights_consent_form'; data: { caseId: string; consentId: string; referrals: number } }
  | { type: 'rights.message_posted'; entityType: 'rights_referral'; data: { messageId: string; length: number; file?: { contentType: string; size: number; sha256: string } } }
  | { type: 'rights.ledger_exported'; entityType: 'rights_referral'; data: { year: number; rows: number } }
  | { type: 'rights.sla_policy_set'; entityType: 'rights_sla_policy'; data: { effectiveFrom: string; acceptDays: number; respondDays: number; resolveDays: number; followUpDays: number } }
  | { type: 'rights.sla_policy_removed'; entityType: 'rights_sla_policy'; data: { effectiveFrom: string } }
  | { type: 'rights.closure_added'; entityType: 'rights_closure_day'; data: { day: string; reason: string } }
  | { type: 'rights.closure_removed'; entityType: 'rights_closure_day'; data: { day: string; reason: string } }
  | { type: 'rights.sla_alerted'; entityType: 'rights_referral'; data: { clock: string; level: string } }
  // recuperation (issue 5): host catalogue, policy, quota ledger, bookings; personal data is not copied into the log
  | { type: 'recuperation.base_saved'; entityType: 'recuperation_base'; data: { name: string; created: boolean } }
  | { type: 'recuperation.route_saved'; entityType: 'recuperation_route'; data: { title: string; created: boolean } }
  | { type: 'recuperation.batch_saved'; entityType: 'recuperation_batch'; data: { code: string; created: boolean; capacity: number } }
  | { type: 'recuperation.policy_saved'; entityType: 'recuperation_policy'; data: { effectiveFrom: string; created: boolean } }
  | { type: 'recuperation.allocated'; entityType: 'recuperation_quota'; data: { year: number; orgUnitId: string; from: number; to: number } }
  | { type: 'recuperation.quota_regranted'; entityType: 'recuperation_quota'; data: { year: number; agreementId: string; from: number; to: number; agreed: number } }
  | { type: 'recuperation.booked'; entityType: 'recuperation_booking'; data: { batchId: string; status: string; beds: number; nominated: boolean } }
  | { type: 'recuperation.booking_step'; entityType: 'recuperation_booking'; data: { step: string; from: string; to: string; reason?: string } }
  | { type: 'recuperation.roster_read'; entityType: 'recuperation_batch'; data: { rows: number; partnerRows: number } }
  | { type: 'recuperation.roster_exported'; entityType: 'recuperation_batch'; data: { format: string; rows: number } }
  // skills contests (issue 9): ids and numbers, never a contestant's name; the draw names its seed and algorithm so anyone can re-run it
  | { type: 'contest.created'; entityType: 'contest'; data: { title: string; year: number; agreementId: string } }
  | { type: 'contest.event_saved'; entityType: 'contest_event'; data: { contestId: string; trade: string; quotaPerCity: number } }
  | { type: 'contest.scheme_changed'; entityType: 'contest_event'; data: { trade: string; before: ContestSchemeAudit; after: ContestSchemeAudit } }
  | { type: 'contest.registered'; entityType: 'contest_registration'; data: { eventId: string; status: string; consent: boolean } }
  | { type: 'contest.withdrawn'; entityType: 'contest_registration'; data: { eventId: string } }
  | { type: 'contest.applied'; entityType: 'contest_application'; data: { eventId: string; consent: boolean } }
  | { type: 'contest.application_decided'; entityType: 'contest_application'; data: { eventId: string; decision: string; registrationId: string | null } }
  | { type: 'contest.application_withdrawn'; entityType: 'contest_application'; data: { eventId: string; by: 'member' | 'staff' } }
  | { type: 'contest.advanced'; entityType: 'contest_event'; data: { preliminaryId: string; numbers: number[]; ranks: number[]; registrationIds: string[] } }
  | { type: 'contest.drawn'; entityType: 'contest_event'; data: { seed: string; algorithm: string; registrationIds: string[]; numbers: number[] } }
  | { type: 'contest.judge_assigned'; entityType: 'contest_event'; data: { userId: string; federation: string; chief: boolean } }
  | { type: 'contest.scored'; entityType: 'contest_score'; data: { eventId: string; number: number; aspect: string; judgeUserId: string } }
  | { type: 'contest.locked'; entityType: 'contest_event'; data: { scores: number } }
  | { type: 'contest.theory_imported'; entityType: 'contest_event'; data: { importId: string; rows: number; fileName: string; fileSha256: string } }
  | { type: 'contest.published'; entityType: 'contest_event'; data: { appealUntil: string; entrants: number } }
  | { type: 'contest.appeal_filed'; entityType: 'contest_appeal'; data: { eventId: string; number: number } }
  | { type: 'contest.file_exported'; entityType: 'contest_event'; data: { kind: string; format: string; rows: number } }
  | { type: 'contest.appeal_decided'; entityType: 'contest_appeal'; data: { eventId: string; number: number; decision: string; reason: string; remarks: { judgeUserId: string; aspect: string; from: number; to: number }[]; theoryRemarks: { aspect: string; from: number; to: number }[] } }
  | { type: 'contest.finalised'; entityType: 'contest_event'; data: { certificates: number; titles: number } }
  // joint programmes (issue 10): names of members are not copied into the log
  | { type: 'programme.venue_saved'; entityType: 'programme_venue'; data: { name: string; created: boolean } }
  | { type: 'programme.event_saved'; entityType: 'programme_event'; data: { title: string; created: boolean } }
  | { type: 'programme.event_step'; entityType: 'programme_event'; data: { from: string; to: string } }
  | { type: 'programme.material_added'; entityType: 'programme_material'; data: { eventId: string; filename: string; contentType: string; size: number; sha256: string } }
  | { type: 'programme.session_saved'; entityType: 'programme_session'; data: { eventId: string; capacity: number; startsAt: string } }
  | { type: 'programme.session_rescheduled'; entityType: 'programme_session'; data: { from: string; to: string; told: number } }
  | { type: 'programme.session_cancelled'; entityType: 'programme_session'; data: { reason: string; told: number } }
  | { type: 'programme.registered'; entityType: 'programme_registration'; data: { sessionId: string; status: string; nominated: boolean; consent: boolean; from?: 'offered'; how?: 'confirmed' | 'promoted' } }
  // a waitlisted seat held for the member until expiresAt; lapsed when not confirmed in time
  | { type: 'programme.offered'; entityType: 'programme_registration'; data: { sessionId: string; expiresAt: string } }
  | { type: 'programme.offer_expired'; entityType: 'programme_registration'; data: { sessionId: string } }
  // registrations that need the home federation's approval (decision 0051): the home federation's rows
  | { type: 'programme.requested'; entityType: 'programme_request'; data: { sessionId: string; consent: boolean } }
  | { type: 'programme.request_decided'; entityType: 'programme_request'; data: { sessionId: string; decision: 'approved' | 'refused'; registrationId: string | null; registrationStatus: string | null } }
  | { type: 'programme.request_withdrawn'; entityType: 'programme_request'; data: { sessionId: string; by: 'member' | 'staff' } }
  | { type: 'programme.request_closed'; entityType: 'programme_request'; data: { sessionId: string; reason: 'agreement_ended' } }
  | { type: 'programme.registration_cancelled'; entityType: 'programme_registration'; data: { sessionId: string; from: string } }
  | { type: 'programme.checked_in'; entityType: 'programme_registration'; data: { sessionId: string } }
  | { type: 'programme.walk_in_recorded'; entityType: 'programme_session'; data: { walkInId: string; home: string } }
  | { type: 'programme.feedback_given'; entityType: 'programme_registration'; data: { sessionId: string; rating: number } }
  | { type: 'programme.registrations_read'; entityType: 'programme_session'; data: { rows: number } }
  | { type: 'programme.attendance_exported'; entityType: 'programme_event'; data: { rows: number } }
  | { type: 'programme.certificate_issued'; entityType: 'programme_event'; data: { number: string; homeTenantId: string; by: 'member' | 'staff' } }
  | { type: 'programme.certificates_read'; entityType: 'programme_event'; data: { rows: number } }
  // joint items, liaison pairs and joint meetings (issue 3); liaison events name the fields changed per party, not the contact details
  | { type: 'joint_item.created'; entityType: 'joint_item'; data: { agreementId: string; kind: string; title: string; lead: string; source: string; sourceRef: string | null } }
  // joint item tracking (issue 4): field names changed, not contact details
  | { type: 'joint_item.updated'; entityType: 'joint_item'; data: { agreementId: string; changes: string[] } }
  | { type: 'joint_item.status_changed'; entityType: 'joint_item'; data: { agreementId: string; from: string; to: string; reason: string } }
  | { type: 'joint_item.side_updated'; entityType: 'joint_item'; data: { agreementId: string; party: string; changes: string[] } }
  | { type: 'joint_item.progress_posted'; entityType: 'joint_item_update'; data: { agreementId: string; itemId: string; health: string; attachments: number } }
  | { type: 'joint_item.attachment_added'; entityType: 'joint_item_attachment'; data: { agreementId: string; itemId: string; filename: string; contentType: string; size: number; sha256: string } }
  | { type: 'joint_item.work_plan_imported'; entityType: 'agreement'; data: { count: number } }
  | { type: 'joint_item.work_plan_exported'; entityType: 'agreement'; data: { count: number } }
  | { type: 'milestone.created'; entityType: 'joint_milestone'; data: { agreementId: string; itemId: string; title: string; dueDate: string } }
  | { type: 'milestone.updated'; entityType: 'joint_milestone'; data: { agreementId: string; itemId: string; changes: string[] } }
  | { type: 'milestone.deleted'; entityType: 'joint_milestone'; data: { agreementId: string; itemId: string; title: string } }
  | { type: 'milestone.owner_set'; entityType: 'joint_milestone'; data: { agreementId: string; itemId: string; party: string } }
  | { type: 'milestone.confirmed'; entityType: 'joint_milestone'; data: { agreementId: string; itemId: string; party: string; round: number; completed: boolean } }
  | { type: 'milestone.reopened'; entityType: 'joint_milestone'; data: { agreementId: string; itemId: string; round: number; reason: string } }
  | { type: 'milestone.overdue_alerted'; entityType: 'joint_milestone'; data: { agreementId: string; itemId: string; dueDate: string; period: number } }
  | { type: 'liaison.created'; entityType: 'liaison_pair'; data: { agreementId: string; level: string } }
  | { type: 'liaison.updated'; entityType: 'liaison_pair'; data: { agreementId: string; level: string; levelFrom?: string; changes: Record<string, string[]> } }
  | { type: 'liaison.deleted'; entityType: 'liaison_pair'; data: { agreementId: string; level: string } }
  | { type: 'meeting.created'; entityType: 'joint_meeting'; data: { agreementId: string; title: string; meetingDate: string; host: string } }
  | { type: 'meeting.updated'; entityType: 'joint_meeting'; data: { agreementId: string; changes: string[] } }
  | { type: 'meeting.decision_added'; entityType: 'meeting_decision'; data: { agreementId: string; meetingId: string } }
  | { type: 'auth.signed_in'; entityType: 'user'; data: Record<string, never> }
  | { type: 'auth.password_changed'; entityType: 'user'; data: Record<string, never> }
  /** orgUnit: the unit the membership will be limited to (absent: the whole federation) */
  | { type: 'staff.invited'; entityType: 'invitation'; data: { email: string; roles: string[]; orgUnit?: { id: string; name: string } } }
  | { type: 'staff.invitation_revoked'; entityType: 'invitation'; data: { email: string } }
  | { type: 'staff.joined'; entityType: 'membership'; data: { email: string; roles: string[]; orgUnitId?: string } }
  | {
      type: 'staff.roles_changed';
      entityType: 'membership';
      /** orgUnit: present when the membership's org-unit scope changed (null: the whole federation) */
      data: { email: string; from: string[]; to: string[]; orgUnit?: { from: { id: string; name: string } | null; to: { id: string; name: string } | null } };
    }
  | { type: 'staff.removed'; entityType: 'membership'; data: { email: string } }
  | { type: 'staff.person_updated'; entityType: 'membership'; data: { name: string; title: string; from: string; to: string } }
  | { type: 'org_unit.created'; entityType: 'org_unit'; data: { name: string; parentId: string | null; code?: string } }
  | { type: 'org_unit.updated'; entityType: 'org_unit'; data: { changes: Record<string, unknown> } }
  | { type: 'org_unit.deleted'; entityType: 'org_unit'; data: { name: string } }
  | { type: 'member.created'; entityType: 'member'; data: { name: string } }
  | { type: 'member.updated'; entityType: 'member'; data: { changes: string[] } }
  | { type: 'member.deleted'; entityType: 'member'; data: { name: string } }
  | { type: 'member.imported'; entityType: 'member'; data: { count: number } }
  | { type: 'member.invited_by_sms'; entityType: 'member'; data: { count: number } }
  | { type: 'member.exported'; entityType: 'member'; data: { count: number } }
  | { type: 'audit.exported'; entityType: 'federation'; data: { rows: number; type?: string; from?: string; to?: string } }
  | { type: 'member.id_number_read'; entityType: 'member'; data: { name: string } }
  // a staff user saw members' personal data on a list page or one member's record: who was shown (ids)
  | { type: 'member.personal_read'; entityType: 'member'; data: { view: 'list' | 'get'; count: number; memberIds: string[] } }
  | { type: 'member.account_activated'; entityType: 'member'; data: { mobile: string } }
  | { type: 'federation.seeded'; entityType: 'federation'; data: { slug: string } }
  | { type: 'federation.onboarded'; entityType: 'federation'; data: { slug: string; by: string } }
  | { type: 'federation.suspended'; entityType: 'federation'; data: { reason: string } }
  | { type: 'federation.reactivated'; entityType: 'federation'; data: Record<string, never> }
  | { type: 'agreement.created'; entityType: 'agreement'; data: { title: string; parties: string[] } }
  | { type: 'agreement.version_saved'; entityType: 'agreement'; data: { version: number; note: string } }
  | { type: 'agreement.step'; entityType: 'agreement'; data: { step: string; from: string; to: string; reason?: string; contentHash?: string } }
  | { type: 'agreement.wound_down'; entityType: 'agreement'; data: { ended: string; summary: Record<string, number> } }
  | { type: 'agreement.signed'; entityType: 'agreement'; data: { party: string; version: number; contentHash: string } }
  | { type: 'agreement.declined'; entityType: 'agreement'; data: { party: string; version: number; reason: string } }
  | { type: 'agreement.activated'; entityType: 'agreement'; data: { version: number; contentHash: string } }
  | { type: 'agreement.commented'; entityType: 'agreement'; data: { clauseKey: string | null; addressedTo: string | null; replyToId?: string } }
  | { type: 'agreement.comment_resolved'; entityType: 'agreement'; data: { commentId: string; clauseKey: string | null } }
  | { type: 'agreement.comment_reopened'; entityType: 'agreement'; data: { commentId: string; clauseKey: string | null } }
  | { type: 'agreement.pdf_downloaded'; entityType: 'agreement'; data: { version: number; contentHash: string } }
  | { type: 'cooperation.report_generated'; entityType: 'cooperation_report'; data: { agreementId: string; year: number; contentHash: string } }
  | { type: 'cooperation.report_commented'; entityType: 'cooperation_report'; data: { party: string; part: 'commentary' | 'texts'; contentHash: string } }
  | { type: 'cooperation.report_confirmed'; entityType: 'cooperation_report'; data: { party: string; contentHash: string } }
  | { type: 'cooperation.report_frozen'; entityType: 'cooperation_report'; data: { year: number; contentHash: string } }
  // the audit chain anchored outside its own rows (docs/decisions/0024): a partner's head, in this chain
  | { type: 'audit.anchored'; entityType: 'federation'; data: { federationId: string; seq: number; hash: string; day: string } };

export type AuditEventType = AuditEvent['type'];

/** a contest event's marking scheme as it stood before or after a change */
interface ContestSchemeAudit {
  theoryWeight: number;
  aspects: ContestAspect[];
}
