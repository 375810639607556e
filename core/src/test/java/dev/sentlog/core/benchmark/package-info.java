/** JMH benchmarks of core; each class's Javadoc gives the command that runs it. */
package dev.sentlog.core.benchmark;
