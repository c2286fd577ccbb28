-- Import keys (issue 15): an importing source's own id for a statement (a partner's record number),
-- so that importing the same statement again updates it instead of adding another. Unique among
-- all statements, retracted ones included, so a re-import finds (and cannot silently duplicate)
-- them. The history table gets the column too, as V4 requires.

ALTER TABLE statement ADD COLUMN import_key varchar(200);
ALTER TABLE statement_history ADD COLUMN import_key varchar(200);
CREATE UNIQUE INDEX statement_import_key ON statement (import_key) WHERE import_key IS NOT NULL;
