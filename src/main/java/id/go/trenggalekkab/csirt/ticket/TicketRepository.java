package id.go.trenggalekkab.csirt.ticket;

import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.sop.Category;
import id.go.trenggalekkab.csirt.sop.Priority;
import id.go.trenggalekkab.csirt.sop.Tlp;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The ticket feature's SQL: tickets, their numbers, and reading them. */
@Repository
public class TicketRepository {

    private final NamedParameterJdbcTemplate jdbc;

    TicketRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The ticket of a new report, not yet numbered: {@link #number} gives it its number at the
     * end of the same transaction (a ticket cannot commit without one).
     */
    public long insert(NewTicket ticket) {
        return jdbc.queryForObject("""
                INSERT INTO ticket (status, reporter_name, reporter_address, subject, received_at, automatic,
                                    automatic_reason)
                VALUES (:status, :reporterName, :reporterAddress, :subject, :receivedAt, :automatic, :automaticReason)
                RETURNING id
                """, new MapSqlParameterSource()
                .addValue("status", ticket.step().name())
                .addValue("reporterName", ticket.reporterName())
                .addValue("reporterAddress", ticket.reporterAddress())
                .addValue("subject", ticket.subject())
                .addValue("receivedAt", Timestamp.from(ticket.receivedAt()))
                .addValue("automatic", ticket.automaticReason() != null)
                .addValue("automaticReason", ticket.automaticReason()), Long.class);
    }

    /**
     * The next number of the year, given to the ticket. The upsert takes the year's row lock,
     * so concurrent transactions queue here until the holder commits, and a rolled-back one
     * gives its number back: numbers are gapless. Called as late in the intake's transaction
     * as it can be, so that the queue is short.
     */
    public TicketNumber number(long ticketId, int year) {
        Integer sequence = jdbc.queryForObject("""
                INSERT INTO ticket_number_sequence (year, last_value) VALUES (:year, 1)
                ON CONFLICT (year) DO UPDATE SET last_value = ticket_number_sequence.last_value + 1
                RETURNING last_value
                """, new MapSqlParameterSource("year", year), Integer.class);
        TicketNumber number = new TicketNumber(year, sequence);
        jdbc.update("UPDATE ticket SET number = :number, year = :year, sequence = :sequence WHERE id = :id",
                new MapSqlParameterSource("id", ticketId).addValue("number", number.toString())
                        .addValue("year", year).addValue("sequence", sequence));
        return number;
    }

    public Optional<Ticket> find(TicketNumber number) {
        return jdbc.query("SELECT * FROM ticket WHERE number = :number",
                new MapSqlParameterSource("number", number.toString()), TicketRepository::ticket).stream().findFirst();
    }

    public Ticket get(long ticketId) {
        return jdbc.queryForObject("SELECT * FROM ticket WHERE id = :id", new MapSqlParameterSource("id", ticketId),
                TicketRepository::ticket);
    }

    /** The ticket, locked until the transaction ends: two mails cannot move one case at once. */
    public Ticket lock(long ticketId) {
        return jdbc.queryForObject("SELECT * FROM ticket WHERE id = :id FOR UPDATE",
                new MapSqlParameterSource("id", ticketId), TicketRepository::ticket);
    }

    /** These tickets, in the order of the ids given; ids of no ticket are left out. */
    public List<Ticket> withIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Ticket> byId = new HashMap<>();
        jdbc.query("SELECT * FROM ticket WHERE id IN (:ids)", new MapSqlParameterSource("ids", ids),
                (rs, i) -> ticket(rs, i)).forEach(t -> byId.put(t.id(), t));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    public TicketNumber numberOf(long ticketId) {
        return TicketNumber.parse(jdbc.queryForObject("SELECT number FROM ticket WHERE id = :id",
                new MapSqlParameterSource("id", ticketId), String.class));
    }

    /** Newest first; {@code step} null for every step. */
    public List<Ticket> page(CaseStep step, int page, int size) {
        return jdbc.query("""
                SELECT * FROM ticket
                 WHERE (CAST(:status AS text) IS NULL OR status = :status)
                 ORDER BY received_at DESC, id DESC
                 LIMIT :size OFFSET :offset
                """, new MapSqlParameterSource()
                .addValue("status", step == null ? null : step.name())
                .addValue("size", size)
                .addValue("offset", (long) page * size), TicketRepository::ticket);
    }

    public long count(CaseStep step) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM ticket WHERE (CAST(:status AS text) IS NULL OR status = :status)
                """, new MapSqlParameterSource("status", step == null ? null : step.name()), Long.class);
    }

    private static Ticket ticket(ResultSet rs, int row) throws SQLException {
        Timestamp deadline = rs.getTimestamp("step_deadline");
        String number = rs.getString("number");
        return new Ticket(rs.getLong("id"), number == null ? null : TicketNumber.parse(number),
                CaseStep.valueOf(rs.getString("status")), rs.getString("reporter_name"),
                rs.getString("reporter_address"), rs.getString("subject"), rs.getTimestamp("received_at").toInstant(),
                rs.getBoolean("automatic"), rs.getString("automatic_reason"),
                deadline == null ? null : deadline.toInstant(),
                Category.ofStored(rs.getString("category"), rs.getString("subcategory")),
                Priority.ofStored(rs.getString("priority")), Tlp.ofStored(rs.getString("tlp")),
                rs.getString("assignee"));
    }

    /** @param automaticReason null for a report a person wrote */
    public record NewTicket(CaseStep step, String reporterName, String reporterAddress,
                            String subject, Instant receivedAt, String automaticReason) {}
}
