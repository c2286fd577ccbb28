-- Import keys (issue 15): an importing source's own id for a record under a person or a
-- detention (a partner's case number), so that importing the same record again updates it
-- instead of adding another. Unique among the records of one kind under one parent; retracted
-- records keep theirs, so a re-import finds (and cannot silently duplicate) them. The history
-- tables get the column too, as V5 requires.

ALTER TABLE detention ADD COLUMN import_key varchar(200);
ALTER TABLE detention_history ADD COLUMN import_key varchar(200);
CREATE UNIQUE INDEX detention_import_key ON detention (person_id, import_key) WHERE import_key IS NOT NULL;

ALTER TABLE incident ADD COLUMN import_key varchar(200);
ALTER TABLE incident_history ADD COLUMN import_key varchar(200);
CREATE UNIQUE INDEX incident_import_key ON incident (person_id, import_key) WHERE import_key IS NOT NULL;

ALTER TABLE custody_event ADD COLUMN import_key varchar(200);
ALTER TABLE custody_event_history ADD COLUMN import_key varchar(200);
CREATE UNIQUE INDEX custody_event_import_key ON custody_event (detention_id, import_key) WHERE import_key IS NOT NULL;

ALTER TABLE charge ADD COLUMN import_key varchar(200);
ALTER TABLE charge_history ADD COLUMN import_key varchar(200);
CREATE UNIQUE INDEX charge_import_key ON charge (detention_id, import_key) WHERE import_key IS NOT NULL;

ALTER TABLE court_event ADD COLUMN import_key varchar(200);
ALTER TABLE court_event_history ADD COLUMN import_key varchar(200);
CREATE UNIQUE INDEX court_event_import_key ON court_event (detention_id, import_key) WHERE import_key IS NOT NULL;
