-- The national working-day calendar's yearly arrangement, as the State Council's notice gives it
-- (issue 11; docs/decisions/0050-national-calendar.md). The `chinese-days` package carries the years
-- its release knew; a year it does not know (2027 in the release we have) would count New Year's Day
-- and the Spring Festival as working days. The platform operator enters that year's holidays and
-- make-up working days (调休) here when the notice is out; a row overrides the package for its day.
-- Platform-wide data: no tenant, read by every federation's clocks, written by the operator only.
CREATE TABLE "national_calendar_day" (
	"day" date PRIMARY KEY NOT NULL,
	"work" boolean NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "national_calendar_day_name_ck" CHECK (length(btrim("name")) between 1 and 40)
);
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON national_calendar_day TO uc_app;
