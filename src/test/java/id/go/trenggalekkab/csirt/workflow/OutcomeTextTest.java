package id.go.trenggalekkab.csirt.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The wording of command outcomes comes from its file, complete, with its values in place. */
class OutcomeTextTest {

    @Test
    void everyOutcomeHasItsWordsWithEveryValueFilledIn() {
        for (OutcomeText text : OutcomeText.values()) {
            Object[] values = new Object[countValues(text)];
            for (int i = 0; i < values.length; i++) {
                values[i] = "«" + i + "»";
            }
            String formatted = text.format(values);
            assertThat(formatted).as(text.name()).isNotBlank().doesNotContain("{0}").doesNotContain("{1}");
            for (Object value : values) {
                assertThat(formatted).as(text.name()).contains((String) value);
            }
        }
        assertThat(OutcomeText.ASSIGNED.format("Andi", "andi@trenggalekkab.go.id"))
                .isEqualTo("ditugaskan kepada Andi <andi@trenggalekkab.go.id>");
        assertThat(OutcomeText.NOT_IN_THIS_STEP.format("langkah 4: Verifikasi laporan"))
                .isEqualTo("tidak dapat dilakukan pada langkah 4: Verifikasi laporan");
    }

    @Test
    void theWrongNumberOfValuesIsAnError() {
        assertThatThrownBy(() -> OutcomeText.MOVED.format()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutcomeText.UNKNOWN_COMMAND.format("x")).isInstanceOf(IllegalArgumentException.class);
    }

    private static int countValues(OutcomeText text) {
        for (int n = 0; n < 10; n++) {
            try {
                text.format(new Object[n]);
                return n;
            } catch (IllegalArgumentException wrongCount) {
                // try the next count
            }
        }
        throw new AssertionError(text + " takes no count of values up to 9");
    }
}
