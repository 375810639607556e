package dev.sentlog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sentlog.examples.json.MessageMutants;
import dev.sentlog.examples.json.MessageMutants.Mutant;
import dev.sentlog.spi.fuzzing.FuzzTries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * L4 under hostile input: {@code totals --in} and {@code report --in} on mutated message files (see
 * {@link MessageMutants}) either succeed or exit with status 2, one paragraph on standard error that
 * quotes no personal data, no stack trace and no output file, partial or whole. Tries: 2,000, more with
 * {@code -Dsentlog.fuzz.tries=N}.
 */
@AddLifecycleHook(FuzzTries.class)
class CommandLineFuzzTest {

    private static final Duration PER_CASE = Duration.ofSeconds(20);
    private static Path dir;

    @BeforeContainer
    static void makeDirectory() throws IOException {
        dir = FuzzDirectory.create("sentlog-cli-fuzz");
    }

    @AfterContainer
    static void removeDirectory() throws IOException {
        FuzzDirectory.remove(dir);
    }

    @Property(tries = 2_000)
    @Label("L2, L3, L4: totals and report on a mutated file succeed or exit 2 with one paragraph and no output file")
    void mutatedFiles(@ForAll("mutants") Mutant mutant, @ForAll("commands") List<String> command) throws IOException {
        Path in = dir.resolve("message.json");
        Path out = dir.resolve("report.out");
        Files.write(in, mutant.bytes());
        String[] args = command.stream().map(a -> a.equals("IN") ? in.toString() : a.equals("OUT") ? out.toString() : a)
                .toArray(String[]::new);

        CliRun run = assertTimeoutPreemptively(PER_CASE, () -> CliRun.of(args));

        try {
            if (run.status() == Main.OK) {
                assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
                assertThat(Files.exists(out)).as("the report of a valid file").isEqualTo(args[0].equals("report"));
            } else {
                run.assertUserError("sentlog " + args[0] + ": ");
                assertThat(out).as("L4: no report file on an error").doesNotExist();
                for (String personal : MessageMutants.PERSONAL) {
                    assertThat(run.err()).as("an error never quotes personal data").doesNotContain(personal);
                }
            }
            FuzzDirectory.assertNoPartialFile(dir);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Example
    @Label("L4, J2: a file over a read limit (a 321-character address) exits 2 naming the limit, not the address")
    void limitExceeded() throws IOException {
        Path in = dir.resolve("long-address.json");
        String spec = new String(MessageMutants.original(), StandardCharsets.UTF_8);
        Files.writeString(in, spec.replace("\"heather@nomail.com\"", "\"" + "h".repeat(310) + "@nomail.com\""));

        CliRun.of("totals", "--in", in.toString()).assertUserError("recipients[0].devices[1].address",
                "(maxAddressLength = 320)", "Nothing was imported");
        assertThat(CliRun.of("totals", "--in", in.toString()).err()).doesNotContain("hhhh").doesNotContain("nomail");
    }

    @Provide
    Arbitrary<Mutant> mutants() {
        return MessageMutants.mutants();
    }

    @Provide
    Arbitrary<List<String>> commands() {
        return Arbitraries.of(List.of("totals", "--in", "IN"),
                List.of("report", "--in", "IN", "--format", "csv", "--detail", "all", "--out", "OUT"),
                List.of("report", "--in", "IN", "--format", "csv", "--detail", "failed", "--out", "OUT"),
                List.of("report", "--in", "IN", "--format", "csv", "--detail", "summary", "--devices", "email,nodevice",
                        "--out", "OUT"));
    }
}
