/**
 * A custom delivery provider written the way a host developer would write one, against
 * {@code sentlog-provider-spi} alone: an email provider for a district's own SMTP relay, kept in
 * memory. It is declared in {@code META-INF/services/dev.sentlog.spi.DeliveryProvider} for
 * discovery and passes the provider compatibility kit.
 */
package dev.sentlog.examples.provider;
