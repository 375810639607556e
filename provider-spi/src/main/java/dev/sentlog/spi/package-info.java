/**
 * The words Sentlog and its delivery providers share: channels, device statuses, the call status
 * code table (SPEC K1, K2), the outcome classification (K3-K6), and the
 * {@link dev.sentlog.spi.DeliveryProvider} contract. Depends on the JDK only.
 */
package dev.sentlog.spi;
