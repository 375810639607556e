/**
 * The store kit's self-test: the kit run against deliberately broken stores (the in-memory store with
 * one fault each) must fail exactly the clauses each breaks.
 */
package dev.sentlog.core.store.kit.selftest;
