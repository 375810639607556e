/**
 * Helpers shared by the examples' packages; not exported.
 */
package dev.sentlog.examples.internal;
