/** Helpers shared by core's packages; not API, not exported. */
package dev.sentlog.core.internal;
