/**
 * JMH benchmarks of the log and its in-memory store, each with a plain-way baseline in the same
 * class. Each class's Javadoc gives the command that runs it.
 */
package dev.sentlog.core.benchmark;
