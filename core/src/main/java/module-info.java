/**
 * Sentlog core: messages, statuses, totals, the log service and its stores.
 */
module dev.sentlog.core {
    requires transitive dev.sentlog.spi;
    requires org.slf4j;
    requires static com.fasterxml.jackson.annotation;
    // the PostgreSQL store takes the host's DataSource (javax.sql) in its public API
    requires transitive java.sql;

    exports dev.sentlog.core;
    exports dev.sentlog.core.message;
    // the message records carry the Jackson annotations of the interchange format (SPEC J0-J1); their
    // creators and format accessors are package-private, so a JSON library needs deep reflection
    opens dev.sentlog.core.message;
    exports dev.sentlog.core.address;
    exports dev.sentlog.core.totals;
    exports dev.sentlog.core.clock;
    exports dev.sentlog.core.reportoptions;
    exports dev.sentlog.core.log;
    exports dev.sentlog.core.live;
    exports dev.sentlog.core.contacts;
    exports dev.sentlog.core.engagement;
    exports dev.sentlog.core.resend;
    exports dev.sentlog.core.retention;
    exports dev.sentlog.core.search;
    exports dev.sentlog.core.recipients;
    exports dev.sentlog.core.reach;
    exports dev.sentlog.core.store;
    exports dev.sentlog.core.store.jdbc;
    // opened so that a host's migration tool (Flyway, Liquibase) can read the schema resources (SPEC N5)
    opens dev.sentlog.core.store.jdbc;

    uses dev.sentlog.spi.DeliveryProvider;
}
