/**
 * A throwaway PostgreSQL cluster for tests (SPEC section 12, N1-N5), shipped in core's test-jar.
 *
 * <p>{@link dev.sentlog.core.store.postgres.testing.PostgresCluster#shared()} starts one cluster
 * per JVM from the installed server binaries ({@code initdb}, {@code pg_ctl}) on a free loopback
 * port, in a new temporary directory that is removed when the JVM exits. Tests take a database of
 * their own with {@code createDatabase(name)}. {@code PostgresCluster.start()} gives a private
 * cluster for tests that stop the server ({@code kill()}, {@code restart()}).
 *
 * <p>Missing binaries make the tests fail with a message that says how to install them; they are
 * never skipped. A module using this package declares the PostgreSQL JDBC driver
 * ({@code org.postgresql:postgresql}) in its own test scope.
 */
package dev.sentlog.core.store.postgres.testing;
