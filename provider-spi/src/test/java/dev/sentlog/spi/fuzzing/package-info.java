/**
 * Support for the fuzz properties of every module: {@link dev.sentlog.spi.fuzzing.FuzzTries} raises
 * their tries for long runs.
 */
package dev.sentlog.spi.fuzzing;
