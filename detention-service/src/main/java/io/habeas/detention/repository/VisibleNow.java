package io.habeas.detention.repository;

/**
 * Conditions that a record is visible to the caller now, on the current tables, for reads as of
 * an instant ({@code Snapshot.andNow}): a record shows as of an instant only if the caller may see
 * it as it was then and as it is now. Each binds :levels, the caller's readable levels.
 */
public final class VisibleNow {
    private VisibleNow() {
    }

    /** The person with this id, by its own level. */
    public static String person(String personId) {
        return "EXISTS (SELECT 1 FROM person now_p WHERE now_p.id = " + personId + " AND now_p.access_level IN (:levels))";
    }

    /** The detention with this id: its level and its person's. */
    public static String detention(String detentionId) {
        return "EXISTS (SELECT 1 FROM detention now_d JOIN person now_p ON now_p.id = now_d.person_id"
                + " WHERE now_d.id = " + detentionId + " AND now_d.access_level IN (:levels) AND now_p.access_level IN (:levels))";
    }

    /** A record of this table (custody_event, charge, incident) by its own level, if it is one of that table. */
    public static String record(String table, String id) {
        return "NOT EXISTS (SELECT 1 FROM " + table + " now_r WHERE now_r.id = " + id
                + " AND now_r.access_level NOT IN (:levels))";
    }
}
