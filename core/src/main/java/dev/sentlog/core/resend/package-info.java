/**
 * Resend to those not reached (SPEC Y1-Y4): who a resend of a finished message goes to, computed
 * once by {@link dev.sentlog.core.resend.ResendPlan#preview} for both the preview and the send (Y4),
 * the new message it becomes, and the refusals. Pure values and functions; the log checks rights,
 * links the resend to its original and records it.
 */
package dev.sentlog.core.resend;
