package id.go.trenggalekkab.csirt.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.sop.CommandWord;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandParserTest {

    @Test
    void readsSeveralCommandsInOrderWithTheirArguments() {
        List<Command> commands = CommandParser.parse(
                "Re: [TTIS-2026-00042] #verifikasi #prioritas tinggi #kategori intrusions");
        assertThat(commands).extracting(Command::word)
                .containsExactly(CommandWord.VERIFY, CommandWord.PRIORITY, CommandWord.CATEGORY);
        assertThat(commands).extracting(Command::argument).containsExactly(null, "tinggi", "intrusions");
    }

    @Test
    void englishAliasesMeanTheSame() {
        assertThat(CommandParser.parse("#verify #priority high #assign budi@trenggalekkab.go.id #close"))
                .extracting(Command::word)
                .containsExactly(CommandWord.VERIFY, CommandWord.PRIORITY, CommandWord.ASSIGN, CommandWord.CLOSE);
        assertThat(CommandParser.parse("#BUKAN-INSIDEN")).extracting(Command::word)
                .containsExactly(CommandWord.NOT_AN_INCIDENT);
    }

    @Test
    void aMissingArgumentIsLeftForTheHandlerToRefuse() {
        List<Command> commands = CommandParser.parse("[TTIS-2026-00001] #prioritas #verifikasi");
        assertThat(commands).hasSize(2);
        assertThat(commands.get(0).argument()).isNull();
        assertThat(commands.get(1).word()).isEqualTo(CommandWord.VERIFY);
    }

    @Test
    void unknownWordsAreKeptToBeRefusedByName() {
        assertThat(CommandParser.parse("#verifkasi")).singleElement()
                .satisfies(c -> {
                    assertThat(c.isKnown()).isFalse();
                    assertThat(c.written()).isEqualTo("#verifkasi");
                });
    }

    @Test
    void hashSignsInsideWordsOrLinksAreNotCommands() {
        assertThat(CommandParser.parse("Re: issue#3 see http://example.org/page#selesai and C# code")).isEmpty();
        assertThat(CommandParser.parse("Laporan [TTIS-2026-00042] tanpa perintah")).isEmpty();
    }
}
