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
import java.util.Optional;
import java.util.Set;

/**
 * {@code serve [--port P] [--bind ADDRESS] [--db JDBC-URL] [--recipients N]} (SPEC W1): the web page of the demo
 * district, in memory or in a PostgreSQL database, on 127.0.0.1 unless {@code --bind} says otherwise.
 * Prints the address and runs until the process is stopped. The page itself is
 * {@link LogWebServer}; this class only reads the options.
 */
final class ServeCommand implements Command {

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "serve the demo district's Sent Message Log as a web page on 127.0.0.1";
    }

    @Override
    public Set<String> options() {
        return Set.of("port", "bind", Database.OPTION, "recipients");
    }

    @Override
    public String help() {
        return """
                Usage: java -jar sentlog.jar serve [--port P] [--bind ADDRESS] [--db JDBC-URL] [--recipients N]

                Serves the Sent Message Log of the demo district (the demo's morning at Harrison High and two
                messages of Lincoln Middle) as a web page, prints its address and runs until stopped (Ctrl+C).
                Sign in as the district administrator, Lincoln Middle's secretary or a teacher.

                Options:
                  --port P         the TCP port, 0 for any free one (default: 8080)
                  --bind ADDRESS   the address to listen on (default: 127.0.0.1, this machine only)
                %s
                                   The demo district is recorded into an empty database once; a database
                                   that holds it already is served as it is.
                  --recipients N   entries in the main message's recipient list, 1 to 500000
                                   (default: 300), as for demo
                  --help           show this text""".formatted(Database.HELP);
    }

    @Override
    public void run(Options options, PrintStream out, PrintStream err) {
        WebSettings settings = WebSettings.defaults().withPort(options.intValue("port", 8080, 0, 65_535));
        Optional<String> bind = options.get("bind");
        if (bind.isPresent()) {
            try {
                settings = settings.withBind(InetAddress.getByName(bind.get().strip()));
            } catch (UnknownHostException e) {
                throw Options.usage(name(), "--bind must be an address of this machine, e.g. 127.0.0.1, not '"
                        + bind.get() + "'");
            }
        }
        int recipients = options.intValue("recipients", DemoCommand.DEFAULT_RECIPIENTS, 1, DemoCommand.MAX_RECIPIENTS);
        DistrictDemo demo = new DistrictDemo(recipients, 1, DemoCommand.DEFAULT_ZONE, err);
        Optional<String> db = options.get(Database.OPTION);
        SentMessageLog log;
        if (db.isPresent()) {
            JdbcMessageStore store = Database.migrate(name(), db.get());
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
