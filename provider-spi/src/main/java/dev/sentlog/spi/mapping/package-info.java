/**
 * What the delivery services districts use report, mapped onto Sentlog device outcomes: Twilio
 * message and call statuses, Mailgun events, SendGrid events. Pure functions, no HTTP client: a
 * provider that polls a service or receives its webhooks calls them to build its
 * {@link dev.sentlog.spi.DeviceReport}s.
 *
 * <p>Every function answers a {@link dev.sentlog.spi.mapping.MappedStatus}: a device outcome, a
 * recipient's feedback (opened, clicked, unsubscribed, complained) that never changes a device
 * outcome, or "unrecognized". Feedback has no outcome by construction, so a late "opened" can never
 * overwrite "delivered".
 */
package dev.sentlog.spi.mapping;
