package id.go.trenggalekkab.csirt.web;

import static id.go.trenggalekkab.csirt.support.TestMail.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The staff's search in the queue finds cases by what people wrote to the desk, through
 * the full-text index of incoming mail; the desk's own mail (acknowledgements, briefings)
 * repeats the same words under every case and is not searched.
 */
class QueueSearchTest extends DeskIntegrationTest {

    @Autowired
    WebQueries queries;

    @Test
    void searchFindsTheReportersWordsAndNotTheDesksOwnMail() {
        String phishing = newCase(uniqueAddress("cari-a"), "Surel palsu menyasar bagian kepegawaian");
        String defacement = newCase(uniqueAddress("cari-b"), "Halaman depan berisi promosi judi");

        assertThat(found("kepegawaian")).contains(id(phishing)).doesNotContain(id(defacement));
        // in every acknowledgement the desk sent ("Aparat Penegak Hukum"), in no report
        assertThat(found("penegak")).doesNotContain(id(phishing), id(defacement));

        jdbc.execute("SET enable_seqscan = off");
        try {
            String plan = String.join("\n", jdbc.queryForList("""
                    EXPLAIN SELECT 1 FROM message m WHERE m.direction = 'IN'
                       AND to_tsvector('indonesian', coalesce(m.subject, '') || ' ' || coalesce(m.body_text, ''))
                           @@ plainto_tsquery('indonesian', 'kepegawaian')
                    """, String.class));
            assertThat(plan).as("the search can use the index of incoming mail").contains("message_text_search");
        } finally {
            jdbc.execute("RESET enable_seqscan");
        }
    }

    private List<Long> found(String words) {
        return queries.openCases(new WebQueries.QueueFilter(null, null, null, false, words), Instant.now(), true);
    }

    private long id(String ticket) {
        return jdbc.queryForObject("SELECT id FROM ticket WHERE number = ?", Long.class, ticket);
    }
}
