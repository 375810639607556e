/**
 * A simulated delivery provider for demos and tests: deterministic from a seed, driven by an
 * injected {@link java.time.Clock}, able to produce every outcome the log has to handle (every
 * call status code, unknown codes, delays, duplicates, confirmations, text opt-outs, silence past
 * the reporting window, submit failures). It is not declared for {@link java.util.ServiceLoader}
 * discovery: a host registers it explicitly.
 */
package dev.sentlog.examples.provider.simulated;
