/**
 * Helpers the report packages share. Not exported by the {@code dev.sentlog.report} module and not
 * part of the API.
 */
package dev.sentlog.report.internal;
