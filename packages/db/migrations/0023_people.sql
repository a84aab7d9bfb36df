-- People by name and title (issue 16): a staff account's 职务 next to its 姓名 (display_name), so
-- screens and PDFs name people as 姓名 + 职务 + 单位 instead of a login email. Collected when staff
-- are invited, editable on the staff page. Global table (app_user), like display_name.
ALTER TABLE "app_user" ADD COLUMN "title" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "invitation" ADD COLUMN "title" text DEFAULT '' NOT NULL;
