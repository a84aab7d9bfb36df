-- Notices rendered in the reader's language (issue 16): the facts a notice was written from are kept
-- (vars), and the list renders title and body from kind + vars in the language the reader uses now.
-- Rows written before this keep their stored text (vars null).
ALTER TABLE "notification" ADD COLUMN "vars" jsonb;
