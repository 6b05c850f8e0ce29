package id.go.trenggalekkab.csirt.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TicketNumberTest {

    @Test
    void formatsAndParsesTheSopNumber() {
        TicketNumber n = new TicketNumber(2026, 42);
        assertThat(n.toString()).isEqualTo("TTIS-2026-00042");
        assertThat(n.tag()).isEqualTo("[TTIS-2026-00042]");
        assertThat(TicketNumber.parse("TTIS-2026-00042")).isEqualTo(n);
        assertThatThrownBy(() -> TicketNumber.parse("TTIS-26-42")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsTagsInRepliesAndForwards() {
        assertThat(TicketNumber.tagsIn("Re: AW: [TTIS-2026-00042] Laporan diterima: x"))
                .containsExactly(new TicketNumber(2026, 42));
        assertThat(TicketNumber.tagsIn("Fwd: [ ttis-2025-00007 ] and [TTIS-2026-00001]"))
                .containsExactly(new TicketNumber(2025, 7), new TicketNumber(2026, 1));
        assertThat(TicketNumber.tagsIn("TTIS-2026-00042 without brackets")).isEmpty();
    }
}
