package id.go.trenggalekkab.csirt.bench;

import id.go.trenggalekkab.csirt.indicator.IndicatorExtractor;
import id.go.trenggalekkab.csirt.mail.MailParser;
import id.go.trenggalekkab.csirt.mail.ParsedMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What indicator extraction costs (issue 14: under 1 ms for a typical report, linear on a
 * 1 MiB text part): the peer's generated Indonesian reports (BENCH_REPORTS_DIR, a folder
 * of gen_emails.py's .eml files) as typical text, read as the desk reads them, then text
 * parts of 64 KiB to 1 MiB of indicator-dense prose and of text built to make patterns
 * backtrack. {@code Benchmark extract}.
 */
final class ExtractionBenchmark {

    private ExtractionBenchmark() {}

    static void run() throws Exception {
        IndicatorExtractor extractor = new IndicatorExtractor(List.of("trenggalekkab.go.id"));
        List<String> typical = typicalReports();
        for (int warm = 0; warm < 3; warm++) {
            typical.forEach(t -> extractor.extract(t, Set.of()));
        }
        long t0 = System.nanoTime();
        int found = 0;
        for (String text : typical) {
            found += extractor.extract(text, Set.of()).size();
        }
        double perReport = (System.nanoTime() - t0) / 1e6 / typical.size();
        System.out.printf(Locale.ROOT, "extract: %d typical reports (%s), %.3f ms per report, %d indicators found%n",
                typical.size(), typical.size() > 50 ? "the peer's generated reports" : "built-in samples", perReport, found);
        String dense = "Serangan dari 45.13.227.9 ke hxxps://login-bank[.]example/verifikasi, hash "
                + "44d88612fea8a8f36de82e1278abb02f, pelaku penipu@mail-palsu.net, celah CVE-2024-3400. ";
        String hostile = "a.".repeat(40) + "@" + "x".repeat(40) + " ";
        for (String[] kind : new String[][] {{"indicator-dense prose", dense}, {"backtracking bait", hostile}}) {
            StringBuilder line = new StringBuilder("extract, " + kind[0] + ":");
            for (int kib : new int[] {64, 256, 1024}) {
                String text = kind[1].repeat(kib * 1024 / kind[1].length() + 1).substring(0, kib * 1024);
                extractor.extract(text, Set.of());
                long t1 = System.nanoTime();
                extractor.extract(text, Set.of());
                double ms = (System.nanoTime() - t1) / 1e6;
                line.append(String.format(Locale.ROOT, " %d KiB %.1f ms (%.1f ns/char);", kib, ms, ms * 1e6 / text.length()));
            }
            System.out.println(line);
        }
    }

    private static List<String> typicalReports() throws Exception {
        Path dir = Path.of(System.getenv().getOrDefault("BENCH_REPORTS_DIR", "/nonexistent"));
        List<String> texts = new ArrayList<>();
        MailParser parser = new MailParser();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".eml")).sorted().limit(1000).toList()) {
                    ParsedMail parsed = parser.parse(Files.readAllBytes(f));
                    texts.add(parsed.subject() + "\n" + parsed.bodyText());
                }
            }
        }
        if (texts.isEmpty()) {
            for (int i = 0; i < 1000; i++) {
                texts.add("Selamat pagi, situs dinas-" + i + ".go.id diretas sejak 02.13 WIB dari 45.13.227." + (i % 250)
                        + ". Halaman depan berisi tautan hxxp://slot-gacor-" + i + "[.]com/daftar. Mohon segera dibantu."
                        + " Terima kasih, Budi (budi" + i + "@dinas.example.org).");
            }
        }
        return texts;
    }
}
