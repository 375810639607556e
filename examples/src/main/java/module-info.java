/**
 * Sentlog examples: the command line ({@code demo}, {@code log}, {@code serve}, {@code totals},
 * {@code report}), the web page of the log, the JSON message format, and example host and provider code.
 */
// the PostgreSQL driver is an automatic module (no module descriptor of its own)
@SuppressWarnings("requires-automatic")
module dev.sentlog.examples {
    requires transitive dev.sentlog.report;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    // --db: the PostgreSQL driver's data source, which also implements javax.naming.Referenceable
    requires org.postgresql.jdbc;
    requires java.naming;
    requires info.picocli;
    // serve: the JDK's HTTP server and the OWASP Java Encoder for escaping
    requires jdk.httpserver;
    requires owasp.encoder;

    exports dev.sentlog.examples.cli;
    // picocli sets the commands' annotated option fields by reflection
    opens dev.sentlog.examples.cli to info.picocli;
    exports dev.sentlog.examples.demo;
    exports dev.sentlog.examples.host;
    exports dev.sentlog.examples.json;
    exports dev.sentlog.examples.provider;
    exports dev.sentlog.examples.provider.simulated;
    exports dev.sentlog.examples.web;

    // the same registration as META-INF/services/dev.sentlog.spi.DeliveryProvider, for the module path
    provides dev.sentlog.spi.DeliveryProvider with dev.sentlog.examples.provider.SmtpRelayProvider;
}
