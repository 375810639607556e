/**
 * Duplicate marks (SPEC D2) and the Delivery Summary (D3-D7), computed directly on a message or a
 * plain list of recipient entries, and each figure's explanation (E1: {@link
 * dev.sentlog.core.totals.DeliveryAnalysis#explain}, the items a {@link dev.sentlog.core.totals.Figure}
 * counted). Knows nothing of stores or providers; no I/O, logging or locking.
 */
package dev.sentlog.core.totals;
