package dev.sentlog.examples.cli;

import dev.sentlog.core.log.SentMessageLog;
import dev.sentlog.core.store.jdbc.JdbcMessageStore;
import dev.sentlog.examples.demo.DistrictDemo;
import dev.sentlog.examples.web.LogWebServer;
import dev.sentlog.examples.web.WebDistrict;
import dev.sentlog.examples.web.WebSettings;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code serve [--port P] [--bind ADDRESS] [--db JDBC-URL] [--recipients N]} (SPEC W1): the web page of the demo
 * district, in memory or in a PostgreSQL database, on 127.0.0.1 unless {@code --bind} says otherwise.
 * Prints the address and runs until the process is stopped. The page itself is
 * {@link LogWebServer}; this class only reads the options.
 */
@picocli.CommandLine.Command(name = "serve", sortOptions = false,
        header = "serve the demo district's Sent Message Log as a web page on 127.0.0.1",
        synopsisHeading = "%nUsage: ", descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        description = {"Serves the Sent Message Log of the demo district (the demo's week at Harrison High and two"
                + " messages of Lincoln Middle) as a web page, prints its address and runs until stopped (Ctrl+C)."
                + " Sign in as the district administrator, Lincoln Middle's secretary or a teacher."},
        footerHeading = "%n", footer = "A bad option: one message on standard error and exit status 2.")
final class ServeCommand implements Command {

    @Option(names = "--port", paramLabel = "P", description = "the TCP port, 0 for any free one (default: 8080)")
    String port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "the address to listen on (default: 127.0.0.1, this machine only)")
    String bind;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = Database.HELP + "; the demo district is recorded"
            + " into an empty database once, and a database that holds it already is served as it is")
    String db;

    @Option(names = "--recipients", paramLabel = "N",
            description = "entries in the main message's recipient list, 1 to 500000 (default: 300), as for demo")
    String recipients;

    @Mixin
    HelpOption help;

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public void run(PrintStream out, PrintStream err) {
        WebSettings settings = WebSettings.defaults().withPort(Options.intValue(name(), "port", port, 8080, 0, 65_535));
        if (bind != null) {
            try {
                settings = settings.withBind(InetAddress.getByName(bind.strip()));
            } catch (UnknownHostException e) {
                throw Options.usage(name(), "--bind must be an address of this machine, e.g. 127.0.0.1, not '"
                        + bind + "'");
            }
        }
        int count = Options.intValue(name(), "recipients", recipients, DemoCommand.DEFAULT_RECIPIENTS, 1,
                DemoCommand.MAX_RECIPIENTS);
        DistrictDemo demo = new DistrictDemo(count, 1, DemoCommand.DEFAULT_ZONE, err);
        SentMessageLog log;
        if (db != null) {
            JdbcMessageStore store = Database.migrate(name(), db);
            log = WebDistrict.openOrReopen(demo, store);
        } else {
            log = WebDistrict.open(demo, SentMessageLog.builder());
        }
        try (log; LogWebServer server = start(log, settings)) {
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sentlog-serve-stop"));
            out.println("Sentlog serves the demo district at " + server.address() + " (stop it with Ctrl+C)");
            out.flush();
            server.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private LogWebServer start(SentMessageLog log, WebSettings settings) {
        try {
            return LogWebServer.start(log, settings, Clock.systemUTC());
        } catch (UncheckedIOException e) {
            throw new UsageException("sentlog " + name() + ": " + e.getMessage()
                    + ". Choose another --port (0 takes any free one).", e);
        }
    }
}
