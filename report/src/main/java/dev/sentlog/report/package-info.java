/**
 * The Sent Message Report (SPEC section 9): {@link dev.sentlog.report.SentMessageReport} validates
 * {@link dev.sentlog.report.ReportOptions} against a message and writes the report as PDF, CSV or
 * DOCX.
 *
 * <p>The P rules the report follows are written out in <a href="doc-files/rules.html">the rules of
 * sentlog-report</a>.
 */
package dev.sentlog.report;
