package dev.sentlog.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.core.store.postgres.testing.PostgresCluster;
import dev.sentlog.core.store.postgres.testing.PostgresDatabase;
import dev.sentlog.examples.cli.Main;
import dev.sentlog.examples.demo.DistrictDemo;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code serve} as a user runs it (SPEC W1): a child JVM on the module path, which prints the
 * address, serves the demo district and keeps running until it is stopped; in memory, and in a
 * PostgreSQL database (a throwaway cluster) that it fills once and serves again in a second run.
 */
class ServeCommandTest {

    private static final Pattern ADDRESS = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/) ");

    /** A running {@code serve}: the process and the address it printed. */
    private record Served(Process process, URI address) implements AutoCloseable {
        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Served serve(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath(),
                "--module", "dev.sentlog.examples/dev.sentlog.examples.cli.Main", "serve", "--port", "0",
                "--recipients", "20"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return "read failed: " + e;
            }
        }).get(3, TimeUnit.MINUTES);
        assertThat(line).as("the first line serve prints").isNotNull().startsWith("Sentlog serves the demo district at ");
        Matcher m = ADDRESS.matcher(line);
        assertThat(m.find()).as("an address on 127.0.0.1 in: %s", line).isTrue();
        return new Served(process, URI.create(m.group(1)));
    }

    private static String modulePath() throws IOException {
        String classes = System.getProperty("sentlog.examples.classes");
        String runtime = Files.readString(Path.of(System.getProperty("sentlog.examples.runtimePath")), StandardCharsets.UTF_8)
                .strip();
        return classes + File.pathSeparator + runtime;
    }

    private static void assertServesTheDistrict(URI address) {
        WebVisitor admin = new WebVisitor(address).signIn(DemoUser.ADMINISTRATOR);
        HttpResponse<String> grid = admin.get("/search?from=" + DistrictDemo.demoDay() + "&to=" + DistrictDemo.demoDay());
        assertThat(grid.statusCode()).isEqualTo(200);
        for (String id : List.of("m-2001", "m-2002", "m-2003", "m-2004", "m-3001", "m-3002")) {
            assertThat(grid.body()).contains("data-id=\"" + id + "\"");
        }
    }

    @Test
    @DisplayName("W1 serve prints its 127.0.0.1 address, serves the demo district in memory and runs until stopped")
    void servesInMemory() throws Exception {
        try (Served served = serve()) {
            assertServesTheDistrict(served.address());
            assertThat(served.process().isAlive()).as("still running after serving").isTrue();
        }
    }

    @Test
    @DisplayName("W1 N1 serve --db records the demo district into an empty PostgreSQL database once, and a second run"
            + " serves what the database holds")
    void servesFromPostgres() throws Exception {
        PostgresDatabase db = PostgresCluster.shared().createDatabase("serve_db");
        String url = db.jdbcUrl() + "?user=" + db.user();
        try (Served first = serve("--db", url)) {
            assertServesTheDistrict(first.address());
        }
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        assertThat(JdbcMessageStore.create(source).header(WebDistrict.LINCOLN_WAITING_ID)).isPresent();

        try (Served second = serve("--db", url)) {
            assertServesTheDistrict(second.address());
        }
    }

    @Test
    @DisplayName("W1 L4 serve --help describes it; a bad port is a user error")
    void helpAndBadOptions() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int help = Main.run(new String[] {"serve", "--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int bad = Main.run(new String[] {"serve", "--port", "70000"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(help).isEqualTo(Main.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("serve [-h] [--bind ADDRESS] [--db JDBC-URL]",
                "[--port P]", "--recipients N", "127.0.0.1");
        assertThat(bad).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port");
    }
}
