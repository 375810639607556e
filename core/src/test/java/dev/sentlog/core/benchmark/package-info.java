/**
 * JMH benchmarks of core, each with a plain-way baseline in the same class so that figures are
 * ratios; each class's Javadoc gives the command that runs it.
 */
package dev.sentlog.core.benchmark;
