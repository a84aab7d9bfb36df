-- A measured value behind a judge's mark (issue 9; docs/decisions/0048-contest-marking-rules.md): for
-- a measurement aspect with a tolerance the judge records what they measured and the mark follows
-- from the event's rule; the value is kept beside the mark so either party can re-derive it.
ALTER TABLE "contest_score" ADD COLUMN "measured" numeric;
