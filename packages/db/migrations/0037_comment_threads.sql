-- Clause comments become threads (issue 16, docs/decisions/0028-comment-threads.md): a reply names
-- the comment it answers (one level: replies answer a top-level comment), and a top-level comment
-- is open until a party resolves it. A version cannot be sent for signature while a thread of the
-- agreement is open; both sides lock the agreement row, so a comment racing the freeze is refused
-- or blocks it, never both.
ALTER TABLE "agreement_comment" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "agreement_comment" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agreement_comment" ADD COLUMN "resolved_by_user_id" uuid REFERENCES "app_user"("id");--> statement-breakpoint
ALTER TABLE "agreement_comment" ADD COLUMN "resolved_by_tenant_id" uuid REFERENCES "federation"("id");--> statement-breakpoint
ALTER TABLE "agreement_comment" ADD CONSTRAINT "agreement_comment_parent_fk" FOREIGN KEY ("tenant_id", "parent_id") REFERENCES "agreement_comment"("tenant_id", "id") ON DELETE cascade;--> statement-breakpoint
-- a reply is never resolved on its own: its thread is
ALTER TABLE "agreement_comment" ADD CONSTRAINT "agreement_comment_reply_ck" CHECK ("parent_id" IS NULL OR "resolved_at" IS NULL);--> statement-breakpoint
ALTER TABLE "agreement_comment" ADD CONSTRAINT "agreement_comment_resolved_ck" CHECK (("resolved_at" IS NULL) = ("resolved_by_tenant_id" IS NULL));--> statement-breakpoint
CREATE INDEX "agreement_comment_open_idx" ON "agreement_comment" USING btree ("tenant_id", "agreement_id") WHERE "parent_id" IS NULL AND "resolved_at" IS NULL;--> statement-breakpoint
-- Attachments also take Word and Excel (doc, docx, xls, xlsx), the type read from the bytes (issue 16).
ALTER TABLE "joint_item_attachment" DROP CONSTRAINT "joint_item_attachment_type_ck";--> statement-breakpoint
ALTER TABLE "joint_item_attachment" ADD CONSTRAINT "joint_item_attachment_type_ck" CHECK ("content_type" in ('image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'));
