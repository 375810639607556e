package dev.sentlog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the command line on the module path, in a child JVM: every Sentlog module (provider-spi,
 * core, report, examples) and every library as a named or automatic module, so a modular host can
 * use them. The module path is this module's classes plus the run-time dependencies the build lists
 * in {@code target/runtime-module-path.txt} (maven-dependency-plugin).
 */
class ModulePathDemoTest {

    private static final long TIMEOUT_MINUTES = 5;

    @TempDir
    Path dir;

    @Test
    @DisplayName("L1: the demo runs on the module path and writes every report and the message file")
    void demoOnTheModulePath() throws Exception {
        Path out = dir.resolve("demo");

        Run demo = run("demo", "--out", out.toString(), "--recipients", "50");

        assertThat(demo.status()).as("exit status; standard error:%n%s", demo.err()).isZero();
        assertThat(demo.out()).contains("Sent Message Log: 4 message(s)");
        for (String file : List.of("report.pdf", "report.csv", "report.docx", "message.json")) {
            assertThat(out.resolve(file)).as(file).isNotEmptyFile();
        }

        Run totals = run("totals", "--in", out.resolve("message.json").toString());

        assertThat(totals.status()).as("exit status; standard error:%n%s", totals.err()).isZero();
        assertThat(totals.out()).containsPattern("\"totalRecipients\" : [1-9][0-9]*,");
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath(),
                "--module", "dev.sentlog.examples/dev.sentlog.examples.cli.Main"));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(dir, "out", ".txt");
        Path stderr = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not finish within " + TIMEOUT_MINUTES + " minutes: "
                    + command);
        }
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static String modulePath() throws IOException {
        String classes = requiredProperty("sentlog.examples.classes");
        Path dependencies = Path.of(requiredProperty("sentlog.examples.runtimePath"));
        String runtime = Files.readString(dependencies, StandardCharsets.UTF_8).strip();
        assertThat(runtime).as("the run-time dependencies listed in %s", dependencies).isNotBlank();
        return classes + File.pathSeparator + runtime;
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name
                    + " is not set; the examples pom sets it for surefire");
        }
        return value;
    }

    private record Run(int status, String out, String err) {
    }
}
