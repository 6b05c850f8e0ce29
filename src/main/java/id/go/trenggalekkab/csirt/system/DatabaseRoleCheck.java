package id.go.trenggalekkab.csirt.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Says at start, loudly, when the desk runs as the owner of its tables: an owner may
 * disable the triggers that keep the logbook and the evidence as written, so the desk
 * should run as a role of its own (CSIRT_DB_USER, with CSIRT_DB_OWNER for migrations).
 */
@Component
class DatabaseRoleCheck {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRoleCheck.class);

    private final JdbcTemplate jdbc;

    DatabaseRoleCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenTheDeskOwnsItsRecord() {
        Boolean owner = jdbc.queryForObject("""
                SELECT bool_or(pg_has_role(current_user, tableowner, 'USAGE')) FROM pg_tables
                 WHERE schemaname = current_schema() AND tablename IN ('logbook', 'message', 'attachment')
                """, Boolean.class);
        if (Boolean.TRUE.equals(owner)) {
            log.warn("The desk runs as the owner of logbook, message and attachment: it could disable the triggers"
                    + " that keep them as written. Run it as a role of its own (CSIRT_DB_USER) and migrate as the"
                    + " owner (CSIRT_DB_OWNER); the README's security model says how.");
        }
    }
}
