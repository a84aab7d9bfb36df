-- Joint programmes: class completion certificates (结业证书; issue 10; docs/decisions/0057-programme-certificates.md).
-- The host sets on the event how many of its sessions a member must have attended for the certificate of
-- a class (培训班); NULL = all of its sessions that are not cancelled. Attendance is never stored: who
-- qualifies is derived from the registrations' check-ins on every read, and the certificate's number is
-- a keyed hash of event and member, so nothing else is kept.
ALTER TABLE "programme_event" ADD COLUMN "certificate_sessions" integer;
--> statement-breakpoint
ALTER TABLE "programme_event" ADD CONSTRAINT "programme_event_certificate_ck" CHECK ("certificate_sessions" is null or "certificate_sessions" between 1 and 100);
