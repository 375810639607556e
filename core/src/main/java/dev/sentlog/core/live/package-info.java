/**
 * Live changes of stored messages (SPEC E4): a host subscribes to a message through
 * {@link dev.sentlog.core.log.SentMessageLog#subscribe} and receives each change of its status and
 * Delivery Summary figures, in order, on its own delivery thread; changes committed by another app
 * node over the same database arrive through a {@link dev.sentlog.core.live.ChangeFeed}.
 */
package dev.sentlog.core.live;
