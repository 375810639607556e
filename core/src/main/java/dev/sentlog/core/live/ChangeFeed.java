package dev.sentlog.core.live;

import java.util.function.Consumer;

/**
 * Changes committed by other log instances over the same store (other app nodes, SPEC N3), as the
 * ids of the messages they touched (SPEC E4). The PostgreSQL store offers one over
 * {@code LISTEN/NOTIFY} ({@link dev.sentlog.core.store.jdbc.JdbcMessageStore#changeFeed}); a host
 * may implement it over its own message bus.
 */
public interface ChangeFeed extends AutoCloseable {

    /** The id a feed passes when it may have missed changes (after a lost connection): any message may have changed. */
    String ANY_MESSAGE = "*";

    /**
     * Starts the feed: from when this returns, every change committed anywhere is passed to
     * {@code changed}, from the feed's own thread, once or more.
     *
     * @param changed receives the id of each changed message, or {@link #ANY_MESSAGE}
     */
    void start(Consumer<String> changed);

    /** Stops the feed and releases what it holds. */
    @Override
    void close();
}
