package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.sla.SlaPolicy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The workflow's SQL: a case's step and attributes, its step history, its participants. */
@Repository
public class CaseRepository {

    private final NamedParameterJdbcTemplate jdbc;
    private final SlaPolicy sla;

    CaseRepository(NamedParameterJdbcTemplate jdbc, SlaPolicy sla) {
        this.jdbc = jdbc;
        this.sla = sla;
    }

    /** The case, locked until the transaction ends: two mails cannot move one case at once. */
    public CaseState lock(long ticketId) {
        return jdbc.queryForObject("SELECT * FROM ticket WHERE id = :id FOR UPDATE",
                new MapSqlParameterSource("id", ticketId), CaseRepository::state);
    }

    /**
     * Enters a step: closes the open history row with the note of whoever completed it and
     * whether the step met its time standard, and opens the next with its deadline.
     */
    public void enter(long ticketId, CaseStep step, Instant at, String actor, String note) {
        closeOpenVisit(ticketId, at, actor, note);
        Instant deadline = sla.deadline(step, at);
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("ticketId", ticketId)
                .addValue("step", step.name())
                .addValue("at", Timestamp.from(at))
                .addValue("actor", actor)
                .addValue("clock", deadline == null ? null : sla.clock(step).name())
                .addValue("deadline", deadline == null ? null : Timestamp.from(deadline));
        jdbc.update("""
                INSERT INTO case_step (ticket_id, step, entered_at, entered_by, deadline, clock, next_notice_at)
                VALUES (:ticketId, :step, :at, :actor, :deadline, :clock, :deadline)
                """, p);
        jdbc.update("""
                UPDATE ticket SET status = :step, step_entered_at = :at, step_deadline = :deadline WHERE id = :ticketId
                """, p);
    }

    private void closeOpenVisit(long ticketId, Instant at, String actor, String note) {
        List<OpenVisit> open = jdbc.query("""
                SELECT id, step, entered_at, deadline FROM case_step WHERE ticket_id = :ticketId AND left_at IS NULL
                """, new MapSqlParameterSource("ticketId", ticketId),
                (rs, i) -> new OpenVisit(rs.getLong("id"), CaseStep.valueOf(rs.getString("step")),
                        instant(rs, "entered_at"), instant(rs, "deadline")));
        for (OpenVisit visit : open) {
            String outcome = visit.deadline() == null ? null : at.isAfter(visit.deadline()) ? "MISSED" : "MET";
            jdbc.update("""
                    UPDATE case_step SET left_at = :at, left_by = :actor, note = :note, outcome = :outcome,
                                         took_seconds = :took
                     WHERE id = :id
                    """, new MapSqlParameterSource()
                    .addValue("id", visit.id())
                    .addValue("at", Timestamp.from(at))
                    .addValue("actor", actor)
                    .addValue("note", note)
                    .addValue("outcome", outcome)
                    .addValue("took", sla.took(visit.step(), visit.enteredAt(), at).toSeconds()));
        }
    }

    public void setCategory(long ticketId, String category, String subcategory) {
        jdbc.update("UPDATE ticket SET category = :category, subcategory = :subcategory WHERE id = :id",
                new MapSqlParameterSource().addValue("id", ticketId).addValue("category", category)
                        .addValue("subcategory", subcategory));
    }

    public void setPriority(long ticketId, String priority) {
        jdbc.update("UPDATE ticket SET priority = :priority WHERE id = :id",
                new MapSqlParameterSource().addValue("id", ticketId).addValue("priority", priority));
    }

    public void setTlp(long ticketId, String tlp) {
        jdbc.update("UPDATE ticket SET tlp = :tlp WHERE id = :id",
                new MapSqlParameterSource().addValue("id", ticketId).addValue("tlp", tlp));
    }

    public void setAssignee(long ticketId, String assignee) {
        jdbc.update("UPDATE ticket SET assignee = :assignee WHERE id = :id",
                new MapSqlParameterSource().addValue("id", ticketId).addValue("assignee", assignee));
    }

    public void addParticipant(long ticketId, String address, String role) {
        jdbc.update("""
                INSERT INTO participant (ticket_id, address, role) VALUES (:ticketId, :address, :role)
                ON CONFLICT DO NOTHING
                """, new MapSqlParameterSource().addValue("ticketId", ticketId).addValue("address", address)
                .addValue("role", role));
    }

    public boolean isParticipant(long ticketId, String address) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM participant WHERE ticket_id = :ticketId AND address = :address)
                """, new MapSqlParameterSource().addValue("ticketId", ticketId).addValue("address", address),
                Boolean.class));
    }

    public void markUndeliverable(long ticketId, String address, Instant since, String reason) {
        jdbc.update("""
                INSERT INTO participant (ticket_id, address, role, undeliverable_since, undeliverable_reason)
                VALUES (:ticketId, :address, 'RECIPIENT', :since, :reason)
                ON CONFLICT (ticket_id, address)
                DO UPDATE SET undeliverable_since = :since, undeliverable_reason = :reason
                """, new MapSqlParameterSource().addValue("ticketId", ticketId).addValue("address", address)
                .addValue("since", Timestamp.from(since)).addValue("reason", reason));
    }

    public void flagNonParticipant(long messageRowId) {
        jdbc.update("UPDATE message SET non_participant = true WHERE id = :id",
                new MapSqlParameterSource("id", messageRowId));
    }

    public List<StepVisit> history(long ticketId) {
        return jdbc.query("""
                SELECT step, entered_at, entered_by, deadline, left_at, left_by, note
                  FROM case_step WHERE ticket_id = :ticketId ORDER BY id
                """, new MapSqlParameterSource("ticketId", ticketId),
                (rs, i) -> new StepVisit(CaseStep.valueOf(rs.getString("step")), instant(rs, "entered_at"),
                        rs.getString("entered_by"), instant(rs, "deadline"), instant(rs, "left_at"),
                        rs.getString("left_by"), rs.getString("note")));
    }

    private static CaseState state(ResultSet rs, int row) throws SQLException {
        return new CaseState(rs.getLong("id"), rs.getString("number"), CaseStep.valueOf(rs.getString("status")),
                instant(rs, "step_deadline"), rs.getString("category"), rs.getString("subcategory"),
                rs.getString("priority"), rs.getString("tlp"), rs.getString("assignee"),
                rs.getString("reporter_name"), rs.getString("reporter_address"), rs.getString("subject"),
                rs.getBoolean("automatic"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private record OpenVisit(long id, CaseStep step, Instant enteredAt, Instant deadline) {}

    /** One stay of a case in one step. */
    public record StepVisit(CaseStep step, Instant enteredAt, String enteredBy, Instant deadline, Instant leftAt,
                            String leftBy, String note) {}
}
