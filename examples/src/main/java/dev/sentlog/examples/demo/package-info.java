/**
 * The demo district: a seeded generator of realistic recipient lists (guardians with several
 * students, shared household phones, people without a device, names from many scripts) and the
 * demo run behind the {@code demo} command (SPEC L1).
 */
package dev.sentlog.examples.demo;
