/** The CSV renderer of the Sent Message Report (SPEC P7, P9). */
package dev.sentlog.report.csv;
