/** The PDF renderer of the Sent Message Report (OpenPDF; SPEC P7, P8). */
package dev.sentlog.report.pdf;
