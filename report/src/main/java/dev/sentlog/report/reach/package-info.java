/**
 * Household reach (SPEC H4) as a CSV file staff can phone from, with the same formula-injection guard
 * and encoding as the Sent Message Report's CSV (P9).
 */
package dev.sentlog.report.reach;
