package dev.sentlog.core.store.jdbc;

import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;

/** Column encodings shared by the store and its device table: times, outcomes, channel sets. */
final class Sql {

    private static final long NANOS = 1_000_000_000L;
    private static final String CALL_PREFIX = "CALL:";

    private Sql() {
    }

    /**
     * The {@code unnest} of a set-based statement: one array parameter per column, each cast to its
     * type, e.g. {@code unnest("u", "integer text", "row_no, outcome")} is
     * {@code unnest(?::integer[], ?::text[]) AS u(row_no, outcome)}.
     *
     * @param alias   the row source's alias
     * @param types   the columns' PostgreSQL types, separated by spaces
     * @param columns the columns' names, separated by commas
     */
    static String unnest(String alias, String types, String columns) {
        StringJoiner parameters = new StringJoiner(", ", "unnest(", ")");
        for (String type : types.split(" ")) {
            parameters.add("?::" + type + "[]");
        }
        return parameters + " AS " + alias + "(" + columns + ")";
    }

    /**
     * Binds arrays to consecutive parameters, as an {@link #unnest} of the same types expects.
     *
     * @param first   the first parameter's index
     * @param types   the arrays' PostgreSQL element types, separated by spaces
     * @param columns the arrays, one per type (nulls allowed as elements)
     * @return the index of the parameter after the last array
     */
    static int setArrays(Connection c, PreparedStatement s, int first, String types, Object[]... columns)
            throws SQLException {
        String[] names = types.split(" ");
        if (names.length != columns.length) {
            throw new IllegalArgumentException(names.length + " array types for " + columns.length + " arrays");
        }
        for (int i = 0; i < names.length; i++) {
            s.setArray(first + i, c.createArrayOf(names[i], columns[i]));
        }
        return first + names.length;
    }

    /**
     * An instant as epoch nanoseconds, exactly.
     *
     * @throws IllegalArgumentException when it lies outside the years 1677 to 2262
     */
    static long nanos(Instant t, String what) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS), t.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " " + t + " is outside the store's time range (the years 1677 "
                    + "to 2262: times are stored as epoch nanoseconds)", e);
        }
    }

    /** An instant as epoch nanoseconds, saturated at the ends of {@code long} (for query bounds). */
    static long saturatedNanos(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS), t.getNano());
        } catch (ArithmeticException e) {
            return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
    }

    static void setNanos(PreparedStatement s, int index, Instant t, String what) throws SQLException {
        if (t == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, nanos(t, what));
        }
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        long n = rs.getLong(column);
        return rs.wasNull() ? null : instant(n);
    }

    static String outcome(DeviceOutcome o) {
        return o instanceof DeviceOutcome.Call c ? CALL_PREFIX + c.code().code() : ((DeviceOutcome.Status) o).status().name();
    }

    static DeviceOutcome outcome(String stored) {
        return stored.startsWith(CALL_PREFIX)
                ? DeviceOutcome.call(Integer.parseInt(stored.substring(CALL_PREFIX.length())))
                : DeviceOutcome.of(DeviceStatus.valueOf(stored));
    }

    static String channels(Set<Channel> channels) {
        StringJoiner j = new StringJoiner(",");
        for (Channel c : channels) {
            j.add(c.name());
        }
        return j.toString();
    }

    static Set<Channel> channels(String stored) {
        EnumSet<Channel> out = EnumSet.noneOf(Channel.class);
        for (String name : stored.split(",")) {
            out.add(Channel.valueOf(name));
        }
        return out;
    }
}
