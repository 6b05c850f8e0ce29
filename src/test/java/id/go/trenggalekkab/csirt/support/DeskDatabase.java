package id.go.trenggalekkab.csirt.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a {@link DeskProcess}'s database directly (never through the proxy the desk may be using). */
public final class DeskDatabase {

    private DeskDatabase() {}

    /** A count query's answer; 0 while the desk has not created its schema yet. */
    public static long count(String database, String sql) {
        try (Connection c = DriverManager.getConnection(DeskProcess.databaseUrl(database));
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException notMigratedYet) {
            return 0;
        }
    }
}
