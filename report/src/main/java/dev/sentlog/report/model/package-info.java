/**
 * The format-neutral Sent Message Report (SPEC P3-P7): header, Delivery Summary with its outcome chart (E2), Filter Criteria
 * Detail, Message Detail and the lazily produced Delivery Detail rows with their marks. Renderers
 * only lay this model out.
 */
package dev.sentlog.report.model;
