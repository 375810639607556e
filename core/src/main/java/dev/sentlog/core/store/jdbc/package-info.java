/**
 * The PostgreSQL store of the Sent Message Log: {@link dev.sentlog.core.store.jdbc.JdbcMessageStore}
 * over a host-given {@link javax.sql.DataSource}, using {@code java.sql} only, with its schema as
 * versioned SQL resources ({@code V1__sentlog_schema.sql}, SPEC N5).
 */
package dev.sentlog.core.store.jdbc;
