package id.go.trenggalekkab.csirt.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The ticket feature's SQL for tickets and their numbers. */
@Repository
public class TicketRepository {

    private final NamedParameterJdbcTemplate jdbc;

    TicketRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next number of the year. The upsert takes the year's row lock, so concurrent
     * transactions queue here and a rolled-back one gives its number back.
     */
    public TicketNumber allocateNumber(int year) {
        Integer sequence = jdbc.queryForObject("""
                INSERT INTO ticket_number_sequence (year, last_value) VALUES (:year, 1)
                ON CONFLICT (year) DO UPDATE SET last_value = ticket_number_sequence.last_value + 1
                RETURNING last_value
                """, new MapSqlParameterSource("year", year), Integer.class);
        return new TicketNumber(year, sequence);
    }

    public long insert(NewTicket ticket) {
        return jdbc.queryForObject("""
                INSERT INTO ticket (number, year, sequence, status, reporter_name, reporter_address, subject,
                                    received_at, automatic, automatic_reason)
                VALUES (:number, :year, :sequence, :status, :reporterName, :reporterAddress, :subject,
                        :receivedAt, :automatic, :automaticReason)
                RETURNING id
                """, new MapSqlParameterSource()
                .addValue("number", ticket.number().toString())
                .addValue("year", ticket.number().year())
                .addValue("sequence", ticket.number().sequence())
                .addValue("status", ticket.status())
                .addValue("reporterName", ticket.reporterName())
                .addValue("reporterAddress", ticket.reporterAddress())
                .addValue("subject", ticket.subject())
                .addValue("receivedAt", Timestamp.from(ticket.receivedAt()))
                .addValue("automatic", ticket.automaticReason() != null)
                .addValue("automaticReason", ticket.automaticReason()), Long.class);
    }

    public Optional<Ticket> findByNumber(String number) {
        return jdbc.query("SELECT * FROM ticket WHERE number = :number",
                new MapSqlParameterSource("number", number), TicketRepository::ticket).stream().findFirst();
    }

    public String numberOf(long ticketId) {
        return jdbc.queryForObject("SELECT number FROM ticket WHERE id = :id",
                new MapSqlParameterSource("id", ticketId), String.class);
    }

    public List<Ticket> page(String status, int page, int size) {
        return jdbc.query("""
                SELECT * FROM ticket
                 WHERE (CAST(:status AS text) IS NULL OR status = :status)
                 ORDER BY received_at DESC, id DESC
                 LIMIT :size OFFSET :offset
                """, new MapSqlParameterSource()
                .addValue("status", status)
                .addValue("size", size)
                .addValue("offset", (long) page * size), TicketRepository::ticket);
    }

    public long count(String status) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM ticket WHERE (CAST(:status AS text) IS NULL OR status = :status)
                """, new MapSqlParameterSource("status", status), Long.class);
    }

    private static Ticket ticket(ResultSet rs, int row) throws SQLException {
        return new Ticket(rs.getLong("id"), rs.getString("number"), rs.getString("status"),
                rs.getString("reporter_name"), rs.getString("reporter_address"), rs.getString("subject"),
                rs.getTimestamp("received_at").toInstant(), rs.getBoolean("automatic"),
                rs.getString("automatic_reason"),
                rs.getTimestamp("step_deadline") == null ? null : rs.getTimestamp("step_deadline").toInstant(),
                rs.getString("category"), rs.getString("subcategory"), rs.getString("priority"), rs.getString("tlp"),
                rs.getString("assignee"));
    }

    public record NewTicket(TicketNumber number, String status, String reporterName, String reporterAddress,
                            String subject, Instant receivedAt, String automaticReason) {}

    public record Ticket(long id, String number, String status, String reporterName, String reporterAddress,
                         String subject, Instant receivedAt, boolean automatic, String automaticReason,
                         Instant stepDeadline, String category, String subcategory, String priority, String tlp,
                         String assignee) {}
}
