package id.go.trenggalekkab.csirt.directory;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two desks starting together both load the directory file into the one database: each
 * replaces the whole table in its own transaction, and neither may fail on the other's
 * rows (a second desk refused to start that way in the two-desk benchmark).
 */
class DirectoryLoadedByTwoDesksTest extends DeskIntegrationTest {

    @Autowired
    private PersonRepository people;

    @Autowired
    private TransactionTemplate transaction;

    @Test
    void twoInstancesReplacingTheDirectoryAtOnceBothSucceedAndLeaveItWhole() throws Exception {
        List<Person> everyone = jdbc.query("SELECT address FROM person", (rs, i) -> rs.getString(1))
                .stream().map(address -> people.find(address).orElseThrow()).toList();
        assertThat(everyone).isNotEmpty();

        ExecutorService desks = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> loads = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                loads.add(desks.submit(() -> transaction.executeWithoutResult(tx ->
                        people.replaceAll(everyone, Instant.now()))));
            }
            for (Future<?> load : loads) {
                load.get();
            }
        } finally {
            desks.shutdown();
        }
        assertThat(count("SELECT count(*) FROM person")).isEqualTo(everyone.size());
    }
}
