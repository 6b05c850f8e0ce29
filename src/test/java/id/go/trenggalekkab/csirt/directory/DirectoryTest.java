package id.go.trenggalekkab.csirt.directory;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.sop.Role;
import id.go.trenggalekkab.csirt.support.DeskIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The directory follows its file: edits take effect on reload, a broken file is refused
 * and the previous directory stays. Runs in a transaction that is rolled back, so the
 * shared test database keeps the embedded default's directory.
 */
class DirectoryTest extends DeskIntegrationTest {

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    Logbook logbook;

    @Autowired
    TransactionTemplate transaction;

    @TempDir
    Path dir;

    @Test
    void editsTakeEffectAndABrokenFileIsRefusedWhole() {
        transaction.executeWithoutResult(tx -> {
            try {
                Path file = dir.resolve("directory.yml");
                Files.writeString(file, """
                        people:
                          - address: Andi@Trenggalekkab.go.id
                            name: Andi
                            roles: [petugas]
                        """);
                Directory directory = new Directory(new PersonRepository(named), logbook, Clock.systemUTC(), file.toString());
                assertThat(directory.reloadIfChanged()).isTrue();
                assertThat(directory.find("andi@trenggalekkab.go.id")).hasValueSatisfying(p -> {
                    assertThat(p.roles()).containsExactly(Role.OFFICER);
                    assertThat(p.isDeskStaff()).isTrue();
                });
                assertThat(directory.find("petugas@trenggalekkab.go.id")).isEmpty();
                assertThat(directory.reloadIfChanged()).isFalse();

                Files.writeString(file, """
                        people:
                          - address: andi@trenggalekkab.go.id
                            name: Andi
                            roles: [petugas, kabid]
                          - address: unit@polres.example
                            name: Unit Siber
                            roles: [aph]
                        """);
                assertThat(directory.reloadIfChanged()).isTrue();
                assertThat(directory.withRole(Role.APH)).extracting(Person::address).containsExactly("unit@polres.example");
                assertThat(directory.find("andi@trenggalekkab.go.id").orElseThrow().roles())
                        .containsExactlyInAnyOrder(Role.OFFICER, Role.SUPERVISOR);

                Files.writeString(file, """
                        people:
                          - address: andi@trenggalekkab.go.id
                            roles: [petugas]
                          - address: not-an-address
                            roles: [superuser]
                        """);
                assertThat(directory.reloadIfChanged()).isFalse();
                assertThat(directory.withRole(Role.APH)).hasSize(1);
                assertThat(named.getJdbcTemplate().queryForObject(
                        "SELECT detail FROM logbook WHERE event = 'DIRECTORY_REFUSED' ORDER BY id DESC LIMIT 1",
                        String.class)).contains("not-an-address");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            tx.setRollbackOnly();
        });
    }
}
