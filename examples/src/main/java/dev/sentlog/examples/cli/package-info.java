/**
 * The {@code sentlog} command line (SPEC L1-L4): {@link dev.sentlog.examples.cli.Main} dispatches to
 * the {@code demo}, {@code log}, {@code totals} and {@code report} commands ({@code demo} and {@code log}
 * optionally on a PostgreSQL database, {@code --db}). User errors end with one paragraph
 * on standard error and exit status 2, never a stack trace.
 *
 * <p>The J and L rules of this module are written out in <a href="doc-files/rules.html">the rules of
 * sentlog-examples</a>.
 */
package dev.sentlog.examples.cli;
