/**
 * The store compatibility kit, shipped in core's test-jar: an abstract JUnit 5 class a store author
 * extends to prove a {@link dev.sentlog.core.store.MessageStore} keeps the port's contract.
 */
package dev.sentlog.core.store.kit;
