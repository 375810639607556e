package dev.sentlog.core.live;

/**
 * A listener's subscription to one message's changes (SPEC E4). Closing it stops the events: none is
 * delivered after {@link #close()} returns, except one already being delivered on another thread.
 */
public interface Subscription extends AutoCloseable {

    /**
     * The message subscribed to.
     *
     * @return its id
     */
    String messageId();

    /**
     * Whether the subscription is still open.
     *
     * @return false once closed, or once the log was closed
     */
    boolean isOpen();

    /** Stops the events; closing twice does nothing. */
    @Override
    void close();
}
