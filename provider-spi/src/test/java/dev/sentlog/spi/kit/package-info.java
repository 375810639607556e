/**
 * The provider compatibility kit, shipped in the {@code sentlog-provider-spi} test-jar: extend
 * {@link dev.sentlog.spi.kit.DeliveryProviderCompatibilityKit} with one factory method and inherit
 * one test per clause of the {@link dev.sentlog.spi.DeliveryProvider} contract. Needs JUnit
 * Jupiter 5 on the test class path, nothing else.
 */
package dev.sentlog.spi.kit;
