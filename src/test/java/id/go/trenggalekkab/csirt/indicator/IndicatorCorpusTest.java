package id.go.trenggalekkab.csirt.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.mail.MailParser;
import id.go.trenggalekkab.csirt.mail.ParsedMail;
import id.go.trenggalekkab.csirt.mail.HtmlLink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every message of the shared real-world corpus (bounces, auto-replies, broken MIME, odd
 * charsets) read as the desk reads it and its text searched for indicators: no message
 * breaks the extractor, every value found reads back as itself, and the desk's defanged
 * form of it never does harm (read again, it is the same indicator).
 */
class IndicatorCorpusTest {

    @Test
    void theRealWorldCorpusYieldsIndicatorsWithoutAFailure() throws Exception {
        Path corpus = Path.of(System.getProperty("csirt.corpus.dir", "../shared/corpus"));
        Path index = corpus.resolve("INDEX.tsv");
        Assumptions.assumeTrue(Files.isReadable(index),
                "real-world corpus not found at " + corpus.toAbsolutePath() + ": skipping the corpus indicator test");
        IndicatorExtractor extractor = new IndicatorExtractor(List.of("trenggalekkab.go.id"));
        MailParser parser = new MailParser();
        Map<IndicatorType, Integer> byType = new EnumMap<>(IndicatorType.class);
        List<String> unreadable = new ArrayList<>();
        int messages = 0;
        for (String line : Files.readAllLines(index).subList(1, Files.readAllLines(index).size())) {
            byte[] raw = Files.readAllBytes(corpus.resolve(line.split("\t")[0]));
            messages++;
            ParsedMail parsed;
            try {
                parsed = parser.parse(raw);
            } catch (RuntimeException refused) {
                unreadable.add(line);
                continue;
            }
            String text = parsed.subject() + "\n" + parsed.bodyText() + "\n"
                    + String.join("\n", parsed.links().stream().map(HtmlLink::target).toList());
            for (Indicator found : extractor.extract(text, parsed.fromAddress() == null ? Set.of() : Set.of(parsed.fromAddress()))) {
                byType.merge(found.type(), 1, Integer::sum);
                assertThat(extractor.extract(found.value(), Set.of())).as("%s read back", found).contains(found);
                assertThat(extractor.extract(found.defanged(), Set.of())).as("%s defanged and read back", found)
                        .contains(found);
            }
        }
        System.out.printf("corpus: %d messages, %d the parser refused, indicators by type: %s%n", messages,
                unreadable.size(), byType);
        assertThat(messages).isGreaterThan(1000);
        assertThat(byType.getOrDefault(IndicatorType.IPV4, 0)).as("bounces name the servers they passed").isPositive();
        assertThat(byType.getOrDefault(IndicatorType.DOMAIN, 0)).isPositive();
    }
}
