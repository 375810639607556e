/**
 * Which Sent Message Report options apply to a message (SPEC P1, P2, S6). The report module
 * validates a request against them and renders it.
 */
package dev.sentlog.core.reportoptions;
