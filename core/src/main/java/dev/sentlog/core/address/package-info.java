/**
 * Address normalisation (SPEC D1) and masking for logs. Small, pure, heavily tested.
 */
package dev.sentlog.core.address;
