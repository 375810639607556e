/**
 * The Sent Message Log as a host embeds it: {@link dev.sentlog.core.log.SentMessageLog} records
 * messages, hands them to delivery providers, applies their device reports, derives message
 * statuses, and answers searches, selections, cancels and refreshes for a
 * {@link dev.sentlog.core.log.Caller} whose tool rights it enforces (SPEC sections 2 to 6).
 *
 * <p>This is the only package that changes stored state, checks rights and talks to providers.
 */
package dev.sentlog.core.log;
