package id.go.trenggalekkab.csirt.intake.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Which of a poll's messages may be taken in side by side, and which must wait for each other. */
class IntakeLanesTest {

    private final Map<Long, byte[]> headers = new HashMap<>();

    @Test
    void unrelatedReportsAreSharedEvenlyAndEachLaneKeepsArrivalOrder() {
        for (long uid = 1; uid <= 10; uid++) {
            mail(uid, "Message-ID: <r" + uid + "@example.org>\r\nSubject: Situs diretas " + uid + "\r\n");
        }
        List<List<MailboxUid>> lanes = IntakeLanes.plan(pending(10), headers, 2);
        assertThat(lanes).hasSize(2);
        assertThat(lanes).allSatisfy(lane -> assertThat(lane).hasSize(5).isSortedAccordingTo(
                (a, b) -> Long.compare(a.uid(), b.uid())));
        assertThat(lanes.stream().flatMap(List::stream).map(MailboxUid::uid).sorted().toList())
                .containsExactly(LongStream.rangeClosed(1, 10).boxed().toArray(Long[]::new));
    }

    @Test
    void aReplyInTheSamePollAsTheReportItAnswersWaitsForIt() {
        mail(1, "Message-ID: <laporan@dinas.example>\r\nSubject: Website diretas\r\n");
        mail(2, "Message-ID: <other@example.org>\r\nSubject: lain\r\n");
        // a colleague answers the report before the desk has read either
        mail(3, "Message-ID: <balasan@dinas.example>\r\nIn-Reply-To: <laporan@dinas.example>\r\nSubject: Re: Website diretas\r\n");
        // and someone answers the colleague: References names the whole chain
        mail(4, "Message-ID: <b2@x.example>\r\nReferences: <LAPORAN@dinas.example>\r\n <balasan@dinas.example>\r\n"
                + "Subject: Re: Re: Website diretas\r\n");
        assertThat(laneOf(1, 2)).isEqualTo(List.of(1L, 3L, 4L));
    }

    @Test
    void twoCopiesOfOneMessageShareALane() {
        mail(1, "Message-ID: <same@example.org>\r\nSubject: laporan\r\n");
        mail(2, "Message-ID: <a@example.org>\r\n");
        mail(3, "Message-ID: <same@example.org>\r\nSubject: laporan (via milis)\r\n");
        assertThat(laneOf(1, 2)).isEqualTo(List.of(1L, 3L));
    }

    @Test
    void commandsOnOneCaseAreObeyedInTheOrderTheyCame() {
        mail(1, "Message-ID: <c1@x>\r\nSubject: Re: [TTIS-2026-00042] Website diretas #selesai\r\n");
        mail(2, "Message-ID: <c2@x>\r\nSubject: laporan baru\r\n");
        // encoded-word subject: the tag is still read
        mail(3, "Message-ID: <c3@x>\r\nSubject: =?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(
                "Re: [TTIS-2026-00042] #buka-kembali".getBytes(StandardCharsets.UTF_8)) + "?=\r\n");
        assertThat(laneOf(1, 2)).isEqualTo(List.of(1L, 3L));
    }

    @Test
    void aForgedReferencesListThatTiesEveryMessageTogetherOnlySlowsThePollDown() {
        StringBuilder everything = new StringBuilder("References:");
        for (long uid = 1; uid <= 6; uid++) {
            mail(uid, "Message-ID: <m" + uid + "@example.org>\r\n");
            everything.append(" <m").append(uid).append("@example.org>");
        }
        mail(7, "Message-ID: <attacker@evil.example>\r\n" + everything + "\r\n");
        List<List<MailboxUid>> lanes = IntakeLanes.plan(pending(7), headers, 2);
        assertThat(lanes).hasSize(1);
        assertThat(lanes.get(0)).extracting(MailboxUid::uid).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void aMessageGoneFromTheFolderOrWithGarbageHeadersStillHasALane() {
        mail(1, "Message-ID: <ok@example.org>\r\n");
        headers.put(2L, "\u0000\u0001 not a header at all <<<>>>".getBytes(StandardCharsets.ISO_8859_1));
        // uid 3: no headers came back (another client moved it)
        List<List<MailboxUid>> lanes = IntakeLanes.plan(pending(3), headers, 2);
        assertThat(lanes.stream().flatMap(List::stream).map(MailboxUid::uid).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void oneLaneIsThePollInArrivalOrder() {
        for (long uid = 1; uid <= 4; uid++) {
            mail(uid, "Message-ID: <x" + uid + "@example.org>\r\n");
        }
        List<MailboxUid> reversed = new ArrayList<>(pending(4));
        java.util.Collections.reverse(reversed);
        assertThat(IntakeLanes.plan(reversed, headers, 1)).singleElement().extracting(lane -> lane.stream()
                .map(MailboxUid::uid).toList()).isEqualTo(List.of(1L, 2L, 3L, 4L));
    }

    private List<Long> laneOf(long uid, int lanes) {
        return IntakeLanes.plan(pending(headers.size()), headers, lanes).stream()
                .filter(lane -> lane.stream().anyMatch(m -> m.uid() == uid))
                .findFirst().orElseThrow().stream().map(MailboxUid::uid).toList();
    }

    private void mail(long uid, String fields) {
        headers.put(uid, (fields + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static List<MailboxUid> pending(int count) {
        return LongStream.rangeClosed(1, count).mapToObj(uid -> new MailboxUid("INBOX", 7, uid)).toList();
    }
}
