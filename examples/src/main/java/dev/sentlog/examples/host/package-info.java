/**
 * Examples a host developer reads: embedding the log ({@link dev.sentlog.examples.host.EmbeddingExample})
 * and computing the Delivery Summary from a plain list of recipient entries
 * ({@link dev.sentlog.examples.host.TotalsFromEntriesExample}). Each is short, compiled and run by a test.
 */
package dev.sentlog.examples.host;
