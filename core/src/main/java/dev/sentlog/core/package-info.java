/**
 * Sentlog core: the root exception. The concepts live in sub-packages: {@code message} (the
 * immutable message and its status), {@code address} (normalisation, SPEC D1), {@code totals}
 * (duplicates and the Delivery Summary, SPEC D), and the log service with its stores.
 */
package dev.sentlog.core;
