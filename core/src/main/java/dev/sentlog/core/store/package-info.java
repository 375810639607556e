/**
 * The store port of the Sent Message Log and its in-memory implementation.
 *
 * <p>{@link dev.sentlog.core.store.MessageStore} is shaped so that a relational store can implement it
 * with indexes and row locks: searches by created-time range answer newest first with a limit,
 * message state changes are compare-and-set on a version, and device state is read and changed
 * one message at a time without loading whole messages into the caller. The log is the only
 * caller; hosts supply a store, they do not call it.
 */
package dev.sentlog.core.store;
