-- Legal references per jurisdiction (issue 13). A charge's article structure gains a sub-clause
-- ("204.3.1.2" under Azerbaijan's numbering) and where the structure comes from: read from the
-- reference by the jurisdiction's numbering (PARSED) or sent by the client with it (SENT). Every
-- structure stored so far was read. As V5 requires, charge_history gains the same columns.
ALTER TABLE charge ADD COLUMN article_subclause varchar(10),
    ADD COLUMN article_structure_source varchar(10) NOT NULL DEFAULT 'PARSED';
ALTER TABLE charge ALTER COLUMN article_structure_source DROP DEFAULT;
ALTER TABLE charge_history ADD COLUMN article_subclause varchar(10),
    ADD COLUMN article_structure_source varchar(10) NOT NULL DEFAULT 'PARSED';
ALTER TABLE charge_history ALTER COLUMN article_structure_source DROP DEFAULT;

-- Until now every reference was read as Azerbaijan numbers articles, so Russia's "284.1", an
-- article in its own right, was stored as article 284, part 1, and summaries merged it with
-- article 284. Under Russia's and Belarus's numbering a bare number with one dot or hyphen is the
-- article itself: those references are read again. Only Habeas's reading of the text was wrong,
-- never the text, and it was wrong in every version of the charge: the versions kept for as-of
-- reads are corrected alike (the triggers that keep and guard them are set aside for it), no
-- version is added and the etag stays, since nobody changed the charge. Anything else is left as it
-- was: under Azerbaijan's numbering nothing changes, and a reference today's numbering does not
-- read (a dotted number elsewhere) keeps the structure it had until a client corrects it.
ALTER TABLE charge DISABLE TRIGGER charge_keep_history;
UPDATE charge SET article = article_reference, article_part = NULL, article_clause = NULL
WHERE jurisdiction IN ('RU', 'BY') AND article_reference ~ '^[0-9]{1,4}[.-][0-9]{1,4}$';
ALTER TABLE charge ENABLE TRIGGER charge_keep_history;

ALTER TABLE charge_history DISABLE TRIGGER charge_history_append_only;
UPDATE charge_history SET article = article_reference, article_part = NULL, article_clause = NULL
WHERE jurisdiction IN ('RU', 'BY') AND article_reference ~ '^[0-9]{1,4}[.-][0-9]{1,4}$';
ALTER TABLE charge_history ENABLE TRIGGER charge_history_append_only;
