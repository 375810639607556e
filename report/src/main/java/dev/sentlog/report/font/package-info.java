/**
 * Fonts of the PDF report (SPEC P8): the bundled DejaVu Sans and the host's fallback fonts, tried
 * per character.
 */
package dev.sentlog.report.font;
