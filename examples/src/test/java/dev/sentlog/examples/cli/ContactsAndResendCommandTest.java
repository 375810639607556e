package dev.sentlog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.contacts.ContactLists;
import dev.sentlog.core.contacts.ContactToFix;
import dev.sentlog.core.contacts.DoNotContact;
import dev.sentlog.core.contacts.Evidence;
import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.resend.ResendAudience;
import dev.sentlog.core.resend.ResendPreview;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.examples.demo.DistrictDemo;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code contacts} and {@code resend --preview} commands over the demo district's week in memory
 * (SPEC H3, Y1, Y4, L4), checked against the library's own answer for the same week.
 */
class ContactsAndResendCommandTest {

    private static SentMessageLog log;

    @BeforeAll
    static void theWeek() {
        PrintStream nowhere = new PrintStream(PrintStream.nullOutputStream());
        MessageStore store = MessageStore.inMemory();
        DistrictDemo.Outcome demo = new DistrictDemo(DemoCommand.DEFAULT_RECIPIENTS, 1, DemoCommand.DEFAULT_ZONE,
                nowhere).run(nowhere, store);
        log = SentMessageLog.builder().store(store).clock(Clock.fixed(demo.finishedAt(), DemoCommand.DEFAULT_ZONE))
                .zone(DemoCommand.DEFAULT_ZONE).build();
    }

    @AfterAll
    static void close() {
        log.close();
    }

    /** The lines of {@code out} from the one starting with {@code from} up to the next blank line. */
    private static List<String> section(String out, String from) {
        List<String> lines = out.lines().toList();
        int start = lines.indexOf(lines.stream().filter(l -> l.startsWith(from)).findFirst().orElseThrow());
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).isBlank()) {
            end++;
        }
        return lines.subList(start, end);
    }

    @Test
    @DisplayName("H3: contacts prints every contact to fix with its evidence, persons, schools and since when, "
            + "then the do-not-contact list apart")
    void contacts() {
        ContactLists expected = log.contacts(DistrictDemo.ADMINISTRATOR);
        assertThat(expected.toFix()).as("the demo week has wrong numbers").isNotEmpty();

        CliRun run = CliRun.of("contacts").assertOk();

        assertThat(run.err()).isEmpty();
        List<String> fix = section(run.out(), "Contacts to fix: ");
        assertThat(fix.get(0)).startsWith("Contacts to fix: " + expected.toFix().size() + " address(es) whose last "
                + expected.k() + " ");
        int evidenceLines = expected.toFix().stream().mapToInt(c -> c.evidence().size()).sum();
        assertThat(fix).as("title, header, rule and one row per evidence line").hasSize(3 + evidenceLines);
        for (ContactToFix c : expected.toFix()) {
            String device = c.channel().label() + ": " + c.address();
            String first = fix.stream().filter(l -> l.startsWith(device + " ")).findFirst().orElseThrow();
            assertThat(first).contains(String.join(", ", c.persons())).contains(String.join(", ", c.schools()));
            for (Evidence e : c.evidence()) {
                assertThat(fix).anyMatch(l -> l.contains(e.messageId()) && l.contains(e.outcome().display()));
            }
        }
        List<String> dnc = section(run.out(), "Do not contact: ");
        assertThat(dnc.get(0)).startsWith("Do not contact: " + expected.doNotContact().size() + " address(es)");
        for (DoNotContact c : expected.doNotContact()) {
            assertThat(dnc).anyMatch(l -> l.startsWith(c.channel().label() + ": " + c.address() + " "));
            assertThat(fix).noneMatch(l -> l.startsWith(c.channel().label() + ": " + c.address() + " "));
        }
    }

    @ParameterizedTest
    @EnumSource(ResendAudience.class)
    @DisplayName("Y4, Y1: resend --preview prints exactly the devices the library's preview holds, each with its "
            + "person")
    void preview(ResendAudience audience) {
        ResendPreview expected = log.previewResend(DistrictDemo.ADMINISTRATOR, DistrictDemo.MAIN_ID, audience);
        String option = audience == ResendAudience.NOT_REACHED ? "not-reached" : "failed-devices";

        CliRun run = CliRun.of("resend", "--preview", "--message", DistrictDemo.MAIN_ID, "--audience", option)
                .assertOk();

        List<String> lines = run.out().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines.get(0)).startsWith("Resend preview of message " + DistrictDemo.MAIN_ID + " to ")
                .endsWith(expected.recipients().size() + " recipient entr(ies), " + expected.deviceCount()
                        + " device(s)");
        assertThat(lines).as("title, header, rule and one row per device").hasSize(3 + expected.deviceCount());
        List<String> rows = lines.subList(3, lines.size());
        int i = 0;
        for (RecipientEntry e : expected.recipients()) {
            for (int d = 0; d < e.devices().size(); d++, i++) {
                Device device = e.devices().get(d);
                assertThat(rows.get(i)).endsWith(device.channel().label() + ": " + device.address());
                if (d == 0) {
                    assertThat(rows.get(i)).startsWith(e.person().name() + " (" + e.person().id() + ")");
                }
            }
        }
    }

    @Test
    @DisplayName("Y1: resend --preview defaults to the persons not reached")
    void defaultAudience() {
        ResendPreview expected = log.previewResend(DistrictDemo.ADMINISTRATOR, DistrictDemo.MAIN_ID,
                ResendAudience.NOT_REACHED);

        CliRun run = CliRun.of("resend", "--preview", "--message", DistrictDemo.MAIN_ID).assertOk();

        assertThat(run.out().lines().findFirst().orElseThrow()).contains("the persons not reached")
                .endsWith(expected.deviceCount() + " device(s)");
    }

    static Stream<Arguments> userErrors() {
        return Stream.of(
                Arguments.of(List.of("resend", "--message", DistrictDemo.MAIN_ID), "only previews a resend: add"
                        + " --preview"),
                Arguments.of(List.of("resend", "--preview"), "option --message is required"),
                Arguments.of(List.of("resend", "--preview", "--message", "m-9999"), "no message m-9999 in the log"),
                Arguments.of(List.of("resend", "--preview", "--message", DistrictDemo.WAITING_ID),
                        "cannot resend: message " + DistrictDemo.WAITING_ID + " is Waiting"),
                Arguments.of(List.of("resend", "--preview", "--message", DistrictDemo.MAIN_ID, "--audience", "all"),
                        "--audience must be not-reached or failed-devices, not 'all'"),
                Arguments.of(List.of("resend", "--preview", "--message", "m-1", "--db", "jdbc:mysql://x/y"),
                        "jdbc:postgresql:"),
                Arguments.of(List.of("contacts", "--zone", "Mars/Olympus"), "is not a time zone"),
                Arguments.of(List.of("contacts", "everyone"), "unexpected argument 'everyone'"));
    }

    @ParameterizedTest
    @MethodSource("userErrors")
    @DisplayName("L4, Y2: bad options, an unknown message or a refused resend give one paragraph on stderr and "
            + "exit status 2")
    void userError(List<String> args, String fragment) {
        CliRun.of(args.toArray(String[]::new)).assertUserError("sentlog " + args.get(0) + ": ", fragment);
    }

    @Test
    @DisplayName("L4: contacts and resend answer --help, and the overview lists them")
    void help() {
        assertThat(CliRun.of("contacts", "--help").assertOk().out()).contains("Usage: java -jar sentlog.jar contacts",
                "--db JDBC-URL", "Do Not Call");
        assertThat(CliRun.of("resend", "--help").assertOk().out()).contains("Usage: java -jar sentlog.jar resend",
                "--preview", "--message ID", "--audience not-reached|failed-devices", "only");
        assertThat(CliRun.of("--help").assertOk().out()).containsPattern("\\n  contacts +print the addresses")
                .containsPattern("\\n  resend +preview who");
    }
}
