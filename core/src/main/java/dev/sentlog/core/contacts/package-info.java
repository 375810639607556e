/**
 * Contacts to fix and "do not contact" (SPEC H3): the per-address ledger of delivery facts the
 * stores keep up to date as reports arrive, the standing it gives each address, and the lists built
 * from it. Pure values and functions: knows nothing of stores or providers; no I/O, logging or
 * locking.
 */
package dev.sentlog.core.contacts;
