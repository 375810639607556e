/**
 * JMH benchmarks of the report renderers, each against a plain baseline in the same run, and the
 * 500,000-device memory bound. Each class's Javadoc gives its command.
 */
package dev.sentlog.report.benchmark;
