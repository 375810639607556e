/** The DOCX renderer of the Sent Message Report: WordprocessingML streamed into the package (SPEC P7). */
package dev.sentlog.report.docx;
