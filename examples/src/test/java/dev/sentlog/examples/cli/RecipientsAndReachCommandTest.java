package dev.sentlog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.engagement.FeedbackEvent;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.examples.demo.DemoWeek;
import dev.sentlog.examples.demo.DistrictDemo;
import dev.sentlog.examples.demo.DistrictRecipients;
import dev.sentlog.report.reach.HouseholdReachCsv;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.FeedbackKind;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code recipients} and {@code reach} commands over the demo district's week in memory (SPEC H1,
 * H4, L4). What they must show follows from the week's design ({@link DemoWeek}): the household whose
 * every address fails, and the wrong numbers that fail in every message.
 */
class RecipientsAndReachCommandTest {

    @TempDir
    static Path dir;
    private static DemoWeek week;
    private static List<RecipientEntry> district;
    private static MessageStore store;

    @BeforeAll
    static void theWeek() {
        PrintStream nowhere = new PrintStream(PrintStream.nullOutputStream());
        store = MessageStore.inMemory();
        week = new DistrictDemo(DemoCommand.DEFAULT_RECIPIENTS, 1, DemoCommand.DEFAULT_ZONE, nowhere)
                .run(nowhere, store).week();
        district = DistrictRecipients.generate(DemoCommand.DEFAULT_RECIPIENTS, 1);
    }

    /** A guardian of the household nobody reaches. */
    private static RecipientEntry householdGuardian() {
        return district.stream().filter(e -> e.student().isPresent() && !e.student().get().equals(e.person())
                && week.unreachedStudents().contains(e.student().get().id())).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("H1: recipients --person lists the week's messages to the person, newest first, none reached, each "
            + "device with the outcome it keeps getting")
    void personOfTheUnreachedHousehold() {
        RecipientEntry guardian = householdGuardian();

        CliRun run = CliRun.of("recipients", "--person", guardian.person().id()).assertOk();

        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("Recipient Log of person " + guardian.person().id() + ": ")
                .endsWith("message(s) created from 01/06/2026 to 01/12/2026");
        int reached = lines.get(1).indexOf("Reached");
        List<String> messageLines = lines.subList(3, lines.size()).stream()
                .filter(l -> !l.substring(0, reached).isBlank()).toList();
        assertThat(messageLines).as("newest first").satisfiesExactly(
                l -> assertThat(l).startsWith("01/12/2026 7:57 AM").contains("Class Messages"),
                l -> assertThat(l).startsWith("01/12/2026 7:55 AM").contains("School is closed today: snow"),
                l -> assertThat(l).startsWith("01/09/2026 3:00 PM").contains("Attendance this week"),
                l -> assertThat(l).startsWith("01/07/2026 7:30 AM").contains("Early dismissal on Friday"));
        assertThat(messageLines).allSatisfy(l -> assertThat(l.substring(reached)).startsWith("no "));
        assertThat(run.out()).doesNotContain(" yes ");
        guardian.devices().stream().filter(d -> d.channel() == Channel.VOICE).forEach(d ->
                assertThat(run.out()).contains("Voice: " + d.address()).contains("3 Not In Service"));
        assertThat(run.err()).isEmpty();
    }

    @Test
    @DisplayName("H1, D1: recipients --address finds a wrong number however it is written, failing in each message")
    void wrongNumberByAddress() {
        DemoWeek.ProblemAddress localOperator = week.problems().stream()
                .filter(p -> p.outcome().equals(DeviceOutcome.call(-7))).findFirst().orElseThrow();
        String digits = localOperator.address().replaceAll("[^0-9]", "");
        String written = "(" + digits.substring(digits.length() - 10, digits.length() - 7) + ") "
                + digits.substring(digits.length() - 7, digits.length() - 4) + "-" + digits.substring(digits.length() - 4);

        CliRun run = CliRun.of("recipients", "--address", written, "--channel", "VOICE").assertOk();

        assertThat(run.out().lines().findFirst().orElseThrow())
                .startsWith("Recipient Log of Voice address " + written + ": ");
        long failures = run.out().lines().filter(l -> l.contains("-7 Local Operator")).count();
        assertThat(failures).as("H3 evidence: the number failed in at least two messages").isGreaterThanOrEqualTo(2);
        assertThat(run.out()).doesNotContain(" yes ");
    }

    @Test
    @DisplayName("H1, H5: recipients --address of an email its recipient opened shows the engagement beside the "
            + "outcome, which stays Sent")
    void openedEmailShowsItsEngagement() {
        List<FeedbackEvent> events = store.feedback(List.of(DemoWeek.WEDNESDAY_ID)).get(DemoWeek.WEDNESDAY_ID);
        assertThat(events).as("the simulated provider's feedback in the demo week").isNotEmpty();
        FeedbackEvent opened = events.stream().filter(e -> e.kind() == FeedbackKind.OPENED).findFirst().orElseThrow();
        Message wednesday = store.snapshot(DemoWeek.WEDNESDAY_ID).orElseThrow();
        Device email = wednesday.recipients().get(opened.entry()).devices().get(opened.device());

        CliRun run = CliRun.of("recipients", "--address", email.address(), "--channel", "EMAIL").assertOk();

        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(1)).contains("Outcome").contains("Engagement");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("Email: " + email.address()).contains("Sent")
                .contains("Opened 01/07/2026"));
        assertThat(run.err()).isEmpty();
    }

    @Test
    @DisplayName("H4: reach lists exactly the students nobody reached by school, and --csv writes the same list")
    void reachAndCsv() throws IOException {
        Path csv = dir.resolve("reach.csv");

        CliRun run = CliRun.of("reach", "--csv", csv.toString()).assertOk();

        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("Household reach: ")
                .endsWith("student(s) nobody reached in 4 message(s) created from 01/06/2026 to 01/12/2026");
        assertThat(lines.get(2)).isEqualTo("Harrison High");
        Set<String> household = new LinkedHashSet<>();
        district.forEach(e -> e.student().filter(s -> week.unreachedStudents().contains(s.id()))
                .ifPresent(s -> household.add(s.name())));
        household.forEach(name -> assertThat(run.out()).contains(name));
        assertThat(run.out()).endsWith("Wrote " + csv + System.lineSeparator());
        List<String> records = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(records.get(0)).isEqualTo("\uFEFF" + String.join(",", HouseholdReachCsv.COLUMNS));
        household.forEach(name -> assertThat(records).anyMatch(r -> r.contains(name)));
        assertThat(records).allMatch(r -> r.startsWith("Harrison High,") || r.startsWith("\uFEFF"));
    }

    @Test
    @DisplayName("H4: reach --all-kinds looks at every message of the week, the Waiting notice included")
    void allKinds() {
        CliRun run = CliRun.of("reach", "--all-kinds").assertOk();

        assertThat(run.out().lines().findFirst().orElseThrow()).contains("in 6 message(s) created");
    }

    static Stream<Arguments> userErrors() {
        return Stream.of(
                Arguments.of(List.of("recipients"), "give --person ID or --address ADDRESS"),
                Arguments.of(List.of("recipients", "--person", "p-1", "--address", "a@b.c"), "not both"),
                Arguments.of(List.of("recipients", "--address", "555-123-4567"), "with --channel"),
                Arguments.of(List.of("recipients", "--address", "555", "--channel", "fax"),
                        "--channel must be inbox, email, voice or text, not 'fax'"),
                Arguments.of(List.of("recipients", "--address", "x-y", "--channel", "voice"), "is no Voice address"),
                Arguments.of(List.of("recipients", "--person", "p-1", "--from", "01/06/2026"), "yyyy-MM-dd"),
                Arguments.of(List.of("recipients", "--person", "p-1", "--from", "2026-01-12", "--to", "2026-01-06"),
                        "--from 2026-01-12 is after --to 2026-01-06"),
                Arguments.of(List.of("recipients", "--person"), "option --person needs a value"),
                Arguments.of(List.of("reach", "--db", "jdbc:mysql://x/y"), "jdbc:postgresql:"),
                Arguments.of(List.of("reach", "--csv", "@DIR"), "is a directory"),
                Arguments.of(List.of("reach", "--zone", "Mars/Olympus"), "is not a time zone"),
                Arguments.of(List.of("reach", "students"), "unexpected argument 'students'"));
    }

    @ParameterizedTest
    @MethodSource("userErrors")
    @DisplayName("L4: bad options give one paragraph on stderr, exit status 2 and no file")
    void userError(List<String> args, String fragment) throws IOException {
        String[] resolved = args.stream().map(a -> a.replace("@DIR", dir.toString())).toArray(String[]::new);

        CliRun.of(resolved).assertUserError("sentlog " + args.get(0) + ": ", fragment);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    @DisplayName("L4: recipients and reach answer --help, and the overview lists them")
    void help() {
        assertThat(CliRun.of("recipients", "--help").assertOk().out()).contains("Usage: java -jar sentlog.jar recipients",
                "--person ID", "--address ADDRESS", "--channel", "--from DATE", "--db JDBC-URL");
        assertThat(CliRun.of("reach", "--help").assertOk().out()).contains("Usage: java -jar sentlog.jar reach",
                "--csv FILE", "--all-kinds");
        assertThat(CliRun.of("--help").assertOk().out()).containsPattern("\\n  recipients +print the Recipient Log")
                .containsPattern("\\n  reach +print the students");
    }
}
