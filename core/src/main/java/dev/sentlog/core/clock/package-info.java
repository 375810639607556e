/** A clock tests, demos and examples move by hand (SPEC: time comes from an injected clock). */
package dev.sentlog.core.clock;
