package io.habeas.suite.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The stored names of a population's persons, read by their external ids from detention-service's database (its
 * JDBC URL): the
 * statements of a load resumed in a later run name persons whose import answers that run never saw. The harness
 * reads the database directly, as its baseline does; no service does.
 */
public final class PersonNames {

    private PersonNames() {
    }

    /** {@code names[i]} is "persons/{id}" of the population's person i, null for one not stored (rejected). */
    public static String[] read(String jdbcUrl, String user, String password, Population population, int persons)
            throws SQLException {
        String[] names = new String[persons];
        String prefix = population.seed() + "-";
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement s = c.prepareStatement(
                        "SELECT value, person_id FROM person_external_id WHERE scheme = ? AND value LIKE ?")) {
            c.setAutoCommit(false);
            s.setFetchSize(10_000);
            s.setString(1, Population.SCHEME);
            s.setString(2, prefix + "%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int index = Integer.parseInt(r.getString(1).substring(prefix.length()));
                    if (index < persons) {
                        names[index] = "persons/" + r.getString(2);
                    }
                }
            }
            c.commit();
        }
        return names;
    }
}
