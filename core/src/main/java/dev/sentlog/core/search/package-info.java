/**
 * Searching the Sent Message Log: the created-between criteria (SPEC S1), the capped result with
 * its total (S2), the column filters with their dropdown value lists (S3), the date text filter
 * (S4) and the stable sort (S5). Every type here is an immutable value and safe to share.
 */
package dev.sentlog.core.search;
