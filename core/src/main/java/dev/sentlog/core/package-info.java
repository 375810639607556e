/**
 * Sentlog core: the root exception. The concepts live in sub-packages: {@code message} (the
 * immutable message and its status), {@code address} (normalisation, SPEC D1), {@code totals}
 * (duplicates and the Delivery Summary, SPEC D), and the log service with its stores.
 *
 * <p>The rules the core implements (M, V, S, T, C, R and D), which code and tests cite by id, are
 * written out in <a href="doc-files/rules.html">the rules of sentlog-core</a>.
 */
package dev.sentlog.core;
