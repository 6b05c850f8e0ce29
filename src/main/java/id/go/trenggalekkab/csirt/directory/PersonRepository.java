package id.go.trenggalekkab.csirt.directory;

import id.go.trenggalekkab.csirt.sop.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The directory's SQL: table {@code person}, replaced whole from the directory file. */
@Repository
class PersonRepository {

    private final NamedParameterJdbcTemplate jdbc;
    /**
     * Schedules as read, by their lines: the officers are read for every report (who is on
     * duty), and parsing their lines was 2.4 % of the intake's CPU in a flood. A schedule is
     * immutable, so the same lines always give an equal one; the map only grows with
     * distinct schedules written in the directory file, and is emptied past a bound.
     */
    private final Map<List<String>, DutySchedule> schedules = new ConcurrentHashMap<>();

    PersonRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The whole table replaced in the caller's transaction. Instances loading the file at
     * the same moment (two desks starting together) take turns: without the lock, the second
     * one's DELETE does not see the rows the first has just inserted, and its INSERTs fail.
     */
    void replaceAll(List<Person> people, Instant at) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext('csirt.directory'))", new MapSqlParameterSource());
        jdbc.update("DELETE FROM person", new MapSqlParameterSource());
        for (Person p : people) {
            jdbc.update("""
                    INSERT INTO person (address, name, roles, duty, updated_at)
                    VALUES (:address, :name, :roles, :duty, :now)
                    """,
                    new MapSqlParameterSource()
                            .addValue("address", p.address())
                            .addValue("name", p.name())
                            .addValue("roles", p.roles().stream().map(Role::name).toArray(String[]::new))
                            .addValue("duty", p.duty().lines().toArray(String[]::new))
                            .addValue("now", Timestamp.from(at)));
        }
    }

    /** @param address lowercased */
    Optional<Person> find(String address) {
        return jdbc.query("SELECT address, name, roles, duty FROM person WHERE address = :address",
                new MapSqlParameterSource("address", address), this::person).stream().findFirst();
    }

    List<Person> withRole(Role role) {
        return jdbc.query("SELECT address, name, roles, duty FROM person WHERE :role = ANY (roles) ORDER BY address",
                new MapSqlParameterSource("role", role.name()), this::person);
    }

    private Person person(ResultSet rs, int row) throws SQLException {
        return new Person(rs.getString("address"), rs.getString("name"), roles(rs.getArray("roles")),
                schedule(List.of((String[]) rs.getArray("duty").getArray())));
    }

    private DutySchedule schedule(List<String> lines) {
        DutySchedule known = schedules.get(lines);
        if (known != null) {
            return known;
        }
        if (schedules.size() >= 1_000) {
            schedules.clear();
        }
        DutySchedule parsed = DutySchedule.parse(lines);
        schedules.put(lines, parsed);
        return parsed;
    }

    private static Set<Role> roles(Array array) throws SQLException {
        String[] names = (String[]) array.getArray();
        return Arrays.stream(names).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
