/**
 * Engagement (SPEC H5): what recipients did with delivered messages, as providers report it
 * (opened, clicked, unsubscribed, complained), recorded per device with its time beside the device's
 * outcome, which it never changes (R2). Unsubscribes and complaints make the address "do not
 * contact" (H3).
 */
package dev.sentlog.core.engagement;
