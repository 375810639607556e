/**
 * Retention (SPEC X1-X4): the calls a host runs on its own schedule to redact and purge old messages,
 * with a district's settings, and legal holds that keep a message whole until lifted.
 */
package dev.sentlog.core.retention;
