-- Name search folds each invisible format character (soft hyphen, zero-width space and joiners,
-- bidi marks and controls, word joiner, BOM, tags) to the mark 0, so a name stored with one
-- hidden inside never ties with the real name. Before, pg_trgm read one as a word break, and
-- "Gubad<ZWSP>Ibadoglu" scored exactly as "Gubad Ibadoglu"; dropping them instead would make
-- "Bli<ZWSP>nken" equal to "Blinken". A mark that is part of the word keeps both apart.
-- habeas_fold comes from service-support's shipped V0_1, which stays as it was; this replaces
-- the function in this service's database.
CREATE OR REPLACE FUNCTION habeas_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(unaccent('unaccent'::regdictionary, regexp_replace($1,
        E'[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFFB\U0001D173-\U0001D17A\U000E0000-\U000E0FFF]',
        '0', 'g')));

-- A stored generated column is computed when its row is written: write every row's names again.
UPDATE person SET search_names = search_names;
