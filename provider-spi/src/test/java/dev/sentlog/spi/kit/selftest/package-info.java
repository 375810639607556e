/**
 * The kit's own tests: a scripted provider that keeps the contract or breaks one clause on
 * request, and the test that runs the kit against it. Not shipped in the test-jar.
 */
package dev.sentlog.spi.kit.selftest;
