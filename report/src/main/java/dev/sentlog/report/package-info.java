/**
 * The Sent Message Report (SPEC section 9): {@link dev.sentlog.report.SentMessageReport} validates
 * {@link dev.sentlog.report.ReportOptions} against a message and writes the report as PDF, CSV or
 * DOCX.
 */
package dev.sentlog.report;
