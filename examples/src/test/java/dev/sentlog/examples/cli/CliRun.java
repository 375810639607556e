package dev.sentlog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.fixtures.privacy.PersonalData;
import dev.sentlog.examples.json.MessageJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of the command line: exit status, standard output and standard error. */
record CliRun(int status, String out, String err) {

    static CliRun of(String... args) {
        return of(Clock.systemUTC(), args);
    }

    /** A run whose commands read today's date from {@code clock}. */
    static CliRun of(Clock clock, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, o, e, clock);
        }
        registerDemoData(args);
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The privacy check: a demo run's generated district (its main message) is personal test data. */
    private static void registerDemoData(String... args) {
        List<String> list = List.of(args);
        int out = list.indexOf("--out");
        if (list.isEmpty() || !"demo".equals(list.get(0)) || out < 0 || out + 1 >= list.size()) {
            return;
        }
        Path json = Path.of(list.get(out + 1)).resolve("message.json");
        if (Files.isRegularFile(json)) {
            try (InputStream in = Files.newInputStream(json)) {
                PersonalData.message(MessageJson.inZone(ZoneOffset.UTC).read(in).message());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** L4: exit status 2, nothing on standard output, one paragraph on standard error, no stack trace. */
    CliRun assertUserError(String... fragments) {
        assertThat(status).as("exit status; stderr: %s", err).isEqualTo(Main.USAGE);
        assertThat(out).isEmpty();
        assertThat(err).endsWith(System.lineSeparator());
        assertThat(err.strip()).doesNotContain("\n").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(err).contains(fragments);
        return this;
    }

    CliRun assertOk() {
        assertThat(status).as("exit status; stderr: %s", err).isEqualTo(Main.OK);
        return this;
    }
}
