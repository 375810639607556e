package dev.sentlog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sentlog.examples.json.MessageMutants;
import dev.sentlog.spi.fuzzing.FuzzTries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The report options at the command line fuzzed (issue 14): {@code report} on the SPEC example with
 * any {@code --format}, {@code --detail} and {@code --devices} (missing, repeated, in odd case, with
 * blanks, {@code --name=value}, garbage, unknown options, in any order) exits 0 with the report written,
 * or 2 with one paragraph on standard error, no stack trace and no file, partial or whole (L3, L4).
 * 10,000 cases, more with {@code -Dsentlog.fuzz.tries=N}.
 */
@AddLifecycleHook(FuzzTries.class)
class ReportOptionsCommandLineFuzzTest {

    private static final Duration PER_CASE = Duration.ofSeconds(20);
    private static Path dir;
    private static Path in;

    @BeforeContainer
    static void writeExample() throws IOException {
        dir = FuzzDirectory.create("sentlog-options-fuzz");
        in = Files.write(dir.resolve("message.json"), MessageMutants.original());
    }

    @AfterContainer
    static void removeDirectory() throws IOException {
        FuzzDirectory.remove(dir);
    }

    @Property(tries = 10_000)
    @Label("L3, L4, P1, P2: any --format/--detail/--devices exits 0 with a report or 2 with one paragraph and no file")
    void anyOptions(@ForAll("options") List<List<String>> options, @ForAll long seed) throws IOException {
        Path out = dir.resolve("report.out");
        List<List<String>> shuffled = new ArrayList<>(options);
        Collections.shuffle(shuffled, new Random(seed));
        List<String> args = new ArrayList<>(List.of("report", "--in", in.toString(), "--out", out.toString()));
        shuffled.forEach(args::addAll);

        CliRun run = assertTimeoutPreemptively(PER_CASE, () -> CliRun.of(args.toArray(String[]::new)));

        try {
            if (run.status() == Main.OK) {
                assertThat(run.err()).isEmpty();
                assertThat(out).as("L3: the report of %s", args).isNotEmptyFile();
            } else {
                run.assertUserError("sentlog report: ");
                assertThat(out).as("L4: no report file on an error: %s", args).doesNotExist();
            }
            FuzzDirectory.assertNoPartialFile(dir);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Example
    @Label("L4 (fuzz finding): a quoted argument with a line break still gives one paragraph, the break escaped")
    void lineBreakInAnArgument() {
        Path out = dir.resolve("report.out");
        CliRun.of("report", "--in", in.toString(), "--out", out.toString(), "--format=pdf", "--detail=DOCX\n")
                .assertUserError("--detail must be all, summary or failed, not 'DOCX\\n'");
        assertThat(out).doesNotExist();
    }

    @Provide
    Arbitrary<List<List<String>>> options() {
        Arbitrary<List<String>> format = option("format", Arbitraries.of("pdf", "csv", "docx"));
        Arbitrary<List<String>> detail = option("detail", Arbitraries.of("all", "summary", "failed"));
        Arbitrary<List<String>> devices = option("devices", deviceList());
        Arbitrary<List<String>> unknown = Arbitraries.of(List.of("--device", "email"), List.of("--formats=pdf"),
                List.of("--"), List.of("-x"), List.of("stray"), List.of("--detail"));
        Arbitrary<List<List<String>>> extra = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.just(List.of())),
                net.jqwik.api.Tuple.of(1, Arbitraries.oneOf(format, detail, devices, unknown).list().ofMaxSize(2)));
        return Combinators.combine(maybe(format, 15), maybe(detail, 15), maybe(devices, 2), extra)
                .as((f, d, v, e) -> {
                    List<List<String>> all = new ArrayList<>();
                    f.ifPresent(all::add);
                    d.ifPresent(all::add);
                    v.ifPresent(all::add);
                    all.addAll(e);
                    return all;
                });
    }

    /** An option with a value that is usually one of the valid ones, sometimes recased, padded or garbage. */
    private static Arbitrary<List<String>> option(String name, Arbitrary<String> valid) {
        Arbitrary<String> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, valid),
                net.jqwik.api.Tuple.of(2, valid.map(v -> " " + v.toUpperCase(java.util.Locale.ROOT) + "\t")),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(12)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", " ", ",", "--", "=", "-1", "pdf,csv", "all ,", "\u0000",
                        "DOCX\n", "ınbox", "emaİl", "nodevice,", "csv=pdf")));
        return Combinators.combine(value, Arbitraries.of(true, false))
                .as((v, joined) -> joined ? List.of("--" + name + "=" + v) : List.of("--" + name, v));
    }

    private static Arbitrary<String> deviceList() {
        return Arbitraries.of("inbox", "email", "voice", "text", "nodevice", "INBOX", " Voice ", "fax", "")
                .list().ofMinSize(1).ofMaxSize(6).map(l -> String.join(",", l));
    }

    private static Arbitrary<java.util.Optional<List<String>>> maybe(Arbitrary<List<String>> option, int presentWeight) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(presentWeight, option.map(java.util.Optional::of)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(java.util.Optional.<List<String>>empty())));
    }
}
