package id.go.trenggalekkab.csirt.workflow;

import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.sla.SlaPolicy;
import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.sop.Category;
import id.go.trenggalekkab.csirt.sop.Priority;
import id.go.trenggalekkab.csirt.sop.SopGraph;
import id.go.trenggalekkab.csirt.sop.Tlp;
import id.go.trenggalekkab.csirt.system.PlannedEachRun;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The workflow's SQL: a case's step and what officers decided of it, its step history, its participants. */
@Repository
public class CaseRepository {

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate plannedEachRun;
    private final SlaPolicy sla;

    CaseRepository(NamedParameterJdbcTemplate jdbc, PlannedEachRun plannedEachRun, SlaPolicy sla) {
        this.jdbc = jdbc;
        this.plannedEachRun = plannedEachRun.jdbc();
        this.sla = sla;
    }

    /** A new report's case enters its first step: the ticket is already there, the clock starts now. */
    void open(long ticketId, Instant at) {
        insertVisit(startClock(ticketId, at));
    }

    /**
     * The ticket's side of opening its case: the first step's clock, on a ticket in that step
     * with no case yet, or an exception, which rolls the change back with the intake.
     *
     * @return the visit to record
     */
    MapSqlParameterSource startClock(long ticketId, Instant at) {
        CaseStep entry = SopGraph.REPORT_ENTRY;
        MapSqlParameterSource visit = visit(ticketId, entry, at, Logbook.SYSTEM);
        // found by its id alone and its step checked on the row that comes back: with the step in
        // the condition, a plan kept from a new desk's few tickets looked for this one among all
        // of a flood's tickets in step 4 by their step. "No case yet" is the ticket's own row too:
        // its step's clock is set when its case opens and never cleared; asked of case_step, a plan
        // kept from a new desk's empty table read all of a flood's cases for each report. Planned
        // each run all the same: a generic plan made while the desk had a page of tickets read
        // them all by a scan once a flood had grown them (NewCaseOpenedByIdTest, 5,239 rows in CI)
        List<String> steps = plannedEachRun.queryForList("""
                UPDATE ticket SET step_entered_at = :at, step_deadline = :deadline
                 WHERE id = :ticketId AND step_entered_at IS NULL
                RETURNING status
                """, visit, String.class);
        if (!steps.equals(List.of(entry.name()))) {
            throw new IllegalStateException("ticket " + ticketId + " is not a new case in " + entry);
        }
        return visit;
    }

    /**
     * Moves a case from one step to the next, along an edge the SOP has, and no other:
     * closes the open visit with the note of whoever completed it and whether it met its
     * time standard, and opens the next with its deadline.
     *
     * @throws IllegalStateException where the SOP has no such edge, or the case is not in {@code from}
     */
    void enter(long ticketId, CaseStep from, CaseStep to, Instant at, String actor, String note) {
        if (!SopGraph.leadsTo(from, to)) {
            throw new IllegalStateException("the SOP leads nowhere from " + from + " to " + to);
        }
        MapSqlParameterSource p = visit(ticketId, to, at, actor).addValue("from", from.name());
        int moved = jdbc.update("""
                UPDATE ticket SET status = :step, step_entered_at = :at, step_deadline = :deadline
                 WHERE id = :ticketId AND status = :from
                """, p);
        if (moved != 1) {
            throw new IllegalStateException("ticket " + ticketId + " is not in " + from);
        }
        closeOpenVisit(ticketId, at, actor, note);
        insertVisit(p);
    }

    private MapSqlParameterSource visit(long ticketId, CaseStep step, Instant at, String actor) {
        Instant deadline = sla.deadline(step, at);
        return new MapSqlParameterSource()
                .addValue("ticketId", ticketId)
                .addValue("step", step.name())
                .addValue("at", Timestamp.from(at))
                .addValue("actor", actor)
                .addValue("clock", deadline == null ? null : sla.clock(step).name())
                .addValue("deadline", deadline == null ? null : Timestamp.from(deadline));
    }

    private void insertVisit(MapSqlParameterSource p) {
        jdbc.update("""
                INSERT INTO case_step (ticket_id, step, entered_at, entered_by, deadline, clock, next_notice_at)
                VALUES (:ticketId, :step, :at, :actor, :deadline, :clock, :deadline)
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

    void setCategory(long ticketId, Category category) {
        jdbc.update("UPDATE ticket SET category = :category, subcategory = :subcategory WHERE id = :id",
                new MapSqlParameterSource().addValue("id", ticketId).addValue("category", category.taxonomyClass())
                        .addValue("subcategory", category.subtype()));
    }

    void setPriority(long ticketId, Priority priority) {
        jdbc.update("UPDATE ticket SET priority = :priority WHERE id = :id",
                new MapSqlParameterSource().addValue("id", ticketId).addValue("priority", priority.name()));
    }

    void setTlp(long ticketId, Tlp tlp) {
        jdbc.update("UPDATE ticket SET tlp = :tlp WHERE id = :id",
                new MapSqlParameterSource().addValue("id", ticketId).addValue("tlp", tlp.label()));
    }

    void setAssignee(long ticketId, String assignee) {
        jdbc.update("UPDATE ticket SET assignee = :assignee WHERE id = :id",
                new MapSqlParameterSource().addValue("id", ticketId).addValue("assignee", assignee));
    }

    public void addParticipant(long ticketId, String address, ParticipantRole role) {
        jdbc.update("""
                INSERT INTO participant (ticket_id, address, role) VALUES (:ticketId, :address, :role)
                ON CONFLICT DO NOTHING
                """, new MapSqlParameterSource().addValue("ticketId", ticketId).addValue("address", address)
                .addValue("role", role.name()));
    }

    boolean isParticipant(long ticketId, String address) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM participant WHERE ticket_id = :ticketId AND address = :address)
                """, new MapSqlParameterSource().addValue("ticketId", ticketId).addValue("address", address),
                Boolean.class));
    }

    /** Marks a participant undeliverable; an address that is not one stays what it is: nobody. */
    void markUndeliverable(long ticketId, String address, Instant since, String reason) {
        jdbc.update("""
                UPDATE participant SET undeliverable_since = :since, undeliverable_reason = :reason
                 WHERE ticket_id = :ticketId AND address = :address
                """, new MapSqlParameterSource().addValue("ticketId", ticketId).addValue("address", address)
                .addValue("since", Timestamp.from(since)).addValue("reason", reason));
    }

    void flagNonParticipant(long messageRowId) {
        jdbc.update("INSERT INTO non_participant_message (message_id) VALUES (:id) ON CONFLICT DO NOTHING",
                new MapSqlParameterSource("id", messageRowId));
    }

    /** When officers were last alerted about strangers' mail on the case (never later than now). */
    Optional<Instant> lastStrangerAlert(long ticketId, Instant now) {
        Timestamp last = jdbc.queryForObject(
                "SELECT max(sent_at) FROM stranger_alert WHERE ticket_id = :ticketId AND sent_at <= :now",
                new MapSqlParameterSource().addValue("ticketId", ticketId).addValue("now", Timestamp.from(now)),
                Timestamp.class);
        return Optional.ofNullable(last).map(Timestamp::toInstant);
    }

    void recordStrangerAlert(long ticketId, Instant at) {
        jdbc.update("INSERT INTO stranger_alert (ticket_id, sent_at) VALUES (:ticketId, :at)",
                new MapSqlParameterSource().addValue("ticketId", ticketId).addValue("at", Timestamp.from(at)));
    }

    void setMergedInto(long ticketId, Long mainTicketId) {
        jdbc.update("UPDATE ticket SET merged_into = :main WHERE id = :ticketId",
                new MapSqlParameterSource().addValue("ticketId", ticketId).addValue("main", mainTicketId));
    }

    /** The main case this one is merged into. */
    public Optional<Long> mergedInto(long ticketId) {
        return jdbc.queryForList("SELECT merged_into FROM ticket WHERE id = :ticketId AND merged_into IS NOT NULL",
                new MapSqlParameterSource("ticketId", ticketId), Long.class).stream().findFirst();
    }

    /** The cases merged into this one, oldest first. */
    public List<Long> linkedCases(long mainTicketId) {
        return jdbc.queryForList("SELECT id FROM ticket WHERE merged_into = :main ORDER BY id",
                new MapSqlParameterSource("main", mainTicketId), Long.class);
    }

    void removeParticipant(long ticketId, String address, ParticipantRole role) {
        jdbc.update("DELETE FROM participant WHERE ticket_id = :ticketId AND address = :address AND role = :role",
                new MapSqlParameterSource().addValue("ticketId", ticketId).addValue("address", address)
                        .addValue("role", role.name()));
    }

    /** The Message-ID of the reporter's acknowledgement: what the desk's words to the reporter answer. */
    Optional<String> acknowledgementOf(long ticketId) {
        return jdbc.queryForList("""
                SELECT message_id FROM message WHERE ticket_id = :ticketId AND direction = 'OUT' AND kind = 'ACKNOWLEDGEMENT'
                 ORDER BY id LIMIT 1
                """, new MapSqlParameterSource("ticketId", ticketId), String.class).stream().findFirst();
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

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private record OpenVisit(long id, CaseStep step, Instant enteredAt, Instant deadline) {}
}
