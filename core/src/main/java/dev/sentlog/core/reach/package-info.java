/**
 * Household reach (SPEC H4): over a created-date range, the students for whom nobody was reached, by
 * school, with each entry's persons and devices so that staff can phone them.
 * {@link dev.sentlog.core.log.SentMessageLog#householdReach} is the entry point;
 * {@link dev.sentlog.core.reach.HouseholdReach#of} computes it from plain messages.
 */
package dev.sentlog.core.reach;
