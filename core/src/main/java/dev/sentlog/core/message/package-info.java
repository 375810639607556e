/**
 * The immutable message: recipients, devices, statuses and their transitions (SPEC M), filter
 * criteria and the cancellation record. No I/O, no logging, no locking.
 */
package dev.sentlog.core.message;
