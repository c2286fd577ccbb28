-- Release outcomes per caller (issue 13) read the calls of one actor, or of the actors of one
-- country, as of an instant as well as now: the history tables get the indexes the current tables
-- already have for that (statement_by_actor, actor_by_country), so that both sides of an as-of
-- read stay index range scans.
CREATE INDEX statement_history_by_actor ON statement_history (actor_id, made_sort, precision_rank, id);
CREATE INDEX actor_history_by_country ON actor_history (country, id);
