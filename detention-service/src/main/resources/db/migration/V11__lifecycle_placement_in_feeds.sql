-- Order within a detention follows its lifecycle (issue 13). Feeds read entries in order of
-- (placed sort date, placed precision rank, stage, id). The stage is 0 for a detention's start,
-- 2 for its final custody event (release, death, escape) and 1 for everything else, so on one
-- date the start comes first and the end last. A custody event whose date sorts after the
-- final event's is placed at the final event's date (stage 1: just before it); one whose date
-- sorts before the start's is placed at the start's date (just after it); the final event is
-- never placed before the start. Only custody events move; placed_year/month/day are NULL for
-- an entry placed at its own date.
ALTER TABLE feed_entry ADD COLUMN stage smallint NOT NULL DEFAULT 1;
ALTER TABLE feed_entry ADD COLUMN placed_year integer;
ALTER TABLE feed_entry ADD COLUMN placed_month integer;
ALTER TABLE feed_entry ADD COLUMN placed_day integer;
-- The placed date's sort key and precision rank, as PartialDate.sortKey() and precisionRank().
ALTER TABLE feed_entry ADD COLUMN placed_sort date NOT NULL GENERATED ALWAYS AS (CASE
        WHEN placed_year IS NULL THEN sort_date
        WHEN placed_day IS NOT NULL THEN make_date(placed_year, placed_month, placed_day)
        WHEN placed_month IS NOT NULL THEN (make_date(placed_year, placed_month, 1) + interval '1 month' - interval '1 day')::date
        ELSE make_date(placed_year, 12, 31) END) STORED;
ALTER TABLE feed_entry ADD COLUMN placed_rank smallint NOT NULL GENERATED ALWAYS AS (CASE
        WHEN placed_year IS NULL THEN precision_rank
        WHEN placed_day IS NOT NULL THEN 0
        WHEN placed_month IS NOT NULL THEN 1
        ELSE 2 END) STORED;

-- The versions kept before this migration were shown at their own dates, in the order of their
-- day: placed there, at stage 1. The columns are filled as generated ones, then made plain: the
-- history is append-only, and no UPDATE may touch it.
ALTER TABLE feed_entry_history ADD COLUMN stage smallint NOT NULL DEFAULT 1;
ALTER TABLE feed_entry_history ADD COLUMN placed_year integer;
ALTER TABLE feed_entry_history ADD COLUMN placed_month integer;
ALTER TABLE feed_entry_history ADD COLUMN placed_day integer;
ALTER TABLE feed_entry_history ADD COLUMN placed_sort date NOT NULL GENERATED ALWAYS AS (sort_date) STORED;
ALTER TABLE feed_entry_history ALTER COLUMN placed_sort DROP EXPRESSION;
ALTER TABLE feed_entry_history ADD COLUMN placed_rank smallint NOT NULL GENERATED ALWAYS AS (precision_rank) STORED;
ALTER TABLE feed_entry_history ALTER COLUMN placed_rank DROP EXPRESSION;

-- Places the start and custody events of one detention: their stage, and where they sit when not
-- at their own date. final_types: the custody event types that end a detention (the service's
-- CustodyEventType.isFinal). A custody event moves to the final event's date only if everyone who
-- may see it may see the final event: a confidential release never shows through the place of a
-- public event. Rows already placed right are left alone. Returns how many rows changed.
CREATE FUNCTION habeas_place_in_lifecycle(target uuid, final_types text[]) RETURNS integer
    LANGUAGE plpgsql
AS $$
DECLARE
    began   feed_entry;
    ended   feed_entry;
    changed integer;
BEGIN
    SELECT * INTO began FROM feed_entry WHERE detention_id = target AND kind = 'DETENTION_STARTED';
    IF NOT FOUND THEN
        RETURN 0; -- a retracted detention has left the feeds with everything under it
    END IF;
    SELECT f.* INTO ended FROM feed_entry f JOIN custody_event e ON e.id = f.record_id
    WHERE f.detention_id = target AND f.kind = 'CUSTODY_EVENT' AND e.type = ANY (final_types);
    IF (ended.sort_date, ended.precision_rank) < (began.sort_date, began.precision_rank) THEN
        ended.date_year := began.date_year;
        ended.date_month := began.date_month;
        ended.date_day := began.date_day;
        ended.sort_date := began.sort_date;
        ended.precision_rank := began.precision_rank;
    END IF;
    WITH placed AS (
        SELECT f.id,
               CASE WHEN f.kind = 'DETENTION_STARTED' THEN 0 WHEN f.id = ended.id THEN 2 ELSE 1 END AS stage,
               CASE WHEN f.kind = 'DETENTION_STARTED' THEN NULL
                    WHEN (f.sort_date, f.precision_rank) < (began.sort_date, began.precision_rank) THEN began
                    WHEN f.id = ended.id THEN NULL
                    WHEN (f.sort_date, f.precision_rank) > (ended.sort_date, ended.precision_rank)
                         AND habeas_most_restrictive(f.access_level, ended.access_level) = f.access_level THEN ended
               END AS bound
        FROM feed_entry f
        WHERE f.detention_id = target AND f.kind IN ('DETENTION_STARTED', 'CUSTODY_EVENT')
    )
    UPDATE feed_entry f
    SET stage = p.stage, placed_year = (p.bound).date_year, placed_month = (p.bound).date_month,
        placed_day = (p.bound).date_day
    FROM placed p
    WHERE f.id = p.id AND (f.stage, f.placed_year, f.placed_month, f.placed_day)
        IS DISTINCT FROM (p.stage, (p.bound).date_year, (p.bound).date_month, (p.bound).date_day);
    GET DIAGNOSTICS changed = ROW_COUNT;
    RETURN changed;
END
$$;

-- Existing entries, placed now: the change is recorded as of this migration (the history keeps
-- the versions before it), as every later re-placement will be.
SELECT habeas_place_in_lifecycle(id, ARRAY['RELEASE', 'DEATH_IN_CUSTODY', 'ESCAPE']) FROM detention;

-- Feeds stay one index range scan each, in the new order, the level checked in the index.
DROP INDEX feed_entry_by_person;
DROP INDEX feed_entry_by_country;
DROP INDEX feed_entry_history_by_person;
DROP INDEX feed_entry_history_by_country;
CREATE INDEX feed_entry_by_person ON feed_entry (person_id, placed_sort, placed_rank, stage, id, access_level);
CREATE INDEX feed_entry_by_country ON feed_entry (detaining_country, placed_sort, placed_rank, stage, id, access_level);
CREATE INDEX feed_entry_history_by_person ON feed_entry_history
    (person_id, placed_sort, placed_rank, stage, id, access_level);
CREATE INDEX feed_entry_history_by_country ON feed_entry_history
    (detaining_country, placed_sort, placed_rank, stage, id, access_level);
