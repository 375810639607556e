package dev.sentlog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of the command line: exit status, standard output and standard error. */
record CliRun(int status, String out, String err) {

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, o, e);
        }
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
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
