/**
 * The Recipient Log (SPEC H1, H2): the messages sent to one person or one address, newest first,
 * with that person's devices in each, their outcomes as shared between occurrences of an address
 * (D3), and whether the person was reached. {@link dev.sentlog.core.log.SentMessageLog#recipientLog}
 * is the entry point; it checks the {@code RECIPIENT_LOG} right and the caller's schools.
 */
package dev.sentlog.core.recipients;
