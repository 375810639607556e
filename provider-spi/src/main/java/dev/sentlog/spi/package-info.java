/**
 * The words Sentlog and its delivery providers share: channels, device statuses, the call status
 * code table (SPEC K1, K2), the outcome classification (K3-K6), and the
 * {@link dev.sentlog.spi.DeliveryProvider} contract. Depends on the JDK only.
 *
 * <p>The K rules this module implements are written out in <a href="doc-files/rules.html">the rules
 * of sentlog-provider-spi</a>; the contract's DP clauses in {@link dev.sentlog.spi.DeliveryProvider}.
 */
package dev.sentlog.spi;
