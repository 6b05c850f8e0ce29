package id.go.trenggalekkab.csirt.directory;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.logbook.Logbook;
import id.go.trenggalekkab.csirt.logbook.LogbookEvent;
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
                assertThat(logbook.latest(LogbookEvent.DIRECTORY_REFUSED).orElseThrow().detail()).contains("not-an-address");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            tx.setRollbackOnly();
        });
    }

    @Test
    void dutySchedulesDecideWhichOfficersHearOfANewReport() {
        transaction.executeWithoutResult(tx -> {
            try {
                Path file = dir.resolve("directory.yml");
                Files.writeString(file, """
                        people:
                          - address: pagi@trenggalekkab.go.id
                            roles: [petugas]
                            duty: ["senin-jumat 07:30-16:00"]
                          - address: malam@trenggalekkab.go.id
                            roles: [petugas]
                            duty: jumat 22:00-06:00
                          - address: kasi@trenggalekkab.go.id
                            roles: [kasi]
                        """);
                Directory directory = new Directory(new PersonRepository(named), logbook, Clock.systemUTC(), file.toString());
                assertThat(directory.reloadIfChanged()).isTrue();
                assertThat(directory.find("malam@trenggalekkab.go.id").orElseThrow().duty().lines())
                        .containsExactly("jumat 22:00-06:00");
                // 2026-12-07 is a Monday
                assertThat(directory.officersOnDuty(wib("2026-12-07T10:00"))).extracting(Person::address)
                        .containsExactly("pagi@trenggalekkab.go.id");
                assertThat(directory.officersOnDuty(wib("2026-12-12T03:00"))).extracting(Person::address)
                        .containsExactly("malam@trenggalekkab.go.id");
                assertThat(directory.officersOnDuty(wib("2026-12-13T10:00"))).as("Sunday: nobody's duty, every officer")
                        .extracting(Person::address).containsExactly("malam@trenggalekkab.go.id", "pagi@trenggalekkab.go.id");

                Files.writeString(file, """
                        people:
                          - address: pagi@trenggalekkab.go.id
                            roles: [petugas]
                            duty: ["senin-jumat 07:30-16:00", "minggu pagi"]
                        """);
                assertThat(directory.reloadIfChanged()).isFalse();
                assertThat(directory.withRole(Role.OFFICER)).hasSize(2);
                assertThat(logbook.latest(LogbookEvent.DIRECTORY_REFUSED).orElseThrow().detail())
                        .contains("pagi@trenggalekkab.go.id").contains("'minggu pagi'");

                // the same officer's schedule changed: the new one is what counts (schedules are
                // kept as read by their lines, never by whose they are)
                Files.writeString(file, """
                        people:
                          - address: pagi@trenggalekkab.go.id
                            roles: [petugas]
                            duty: ["minggu 08:00-12:00"]
                          - address: malam@trenggalekkab.go.id
                            roles: [petugas]
                            duty: jumat 22:00-06:00
                        """);
                assertThat(directory.reloadIfChanged()).isTrue();
                assertThat(directory.officersOnDuty(wib("2026-12-13T10:00"))).extracting(Person::address)
                        .containsExactly("pagi@trenggalekkab.go.id");
                assertThat(directory.officersOnDuty(wib("2026-12-07T10:00"))).as("Monday: nobody's duty now")
                        .extracting(Person::address).containsExactly("malam@trenggalekkab.go.id", "pagi@trenggalekkab.go.id");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            tx.setRollbackOnly();
        });
    }

    private static java.time.Instant wib(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(java.time.ZoneId.of("Asia/Jakarta")).toInstant();
    }

    @Test
    void aDirectoryFileThatIsMissingLeavesNoOfficerAndTheHealthDown() {
        transaction.executeWithoutResult(tx -> {
            named.getJdbcTemplate().update("DELETE FROM person");
            Directory directory = new Directory(new PersonRepository(named), logbook, Clock.systemUTC(),
                    dir.resolve("missing.yml").toString());
            assertThat(directory.reloadIfChanged()).isFalse();
            org.springframework.boot.actuate.health.Health health = new DirectoryHealthIndicator(directory).health();
            assertThat(health.getStatus().getCode()).isEqualTo("DOWN");
            assertThat(health.getDetails()).containsEntry("officers", 0)
                    .containsEntry("problem", "no officer in the directory: nobody may verify a report");
            tx.setRollbackOnly();
        });
    }

    @Test
    void theExampleShippedInTheJarIsReadWhereNoFileIsOnDisk() {
        transaction.executeWithoutResult(tx -> {
            Directory directory = new Directory(new PersonRepository(named), logbook, Clock.systemUTC(),
                    "classpath:defaults/directory.yml");
            assertThat(directory.reloadIfChanged()).isTrue();
            assertThat(directory.withRole(Role.OFFICER)).extracting(Person::address)
                    .contains("petugas@trenggalekkab.go.id");
            assertThat(directory.source()).contains("shipped in the jar");
            assertThat(directory.reloadIfChanged()).as("the shipped file never changes").isFalse();
            tx.setRollbackOnly();
        });
    }
}
