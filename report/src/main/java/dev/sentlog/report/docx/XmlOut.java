package dev.sentlog.report.docx;

import java.io.IOException;
import java.io.Writer;

/**
 * A minimal streaming XML writer: raw markup plus escaped text. Characters XML 1.0 cannot hold
 * (control characters, unpaired surrogates, U+FFFE/U+FFFF) become U+FFFD, visibly (SPEC P8).
 */
final class XmlOut {

    private final Writer w;

    XmlOut(Writer w) {
        this.w = w;
    }

    XmlOut raw(String markup) throws IOException {
        w.write(markup);
        return this;
    }

    XmlOut text(String s) throws IOException {
        int n = s.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String rep;
            if (c == '<') {
                rep = "&lt;";
            } else if (c == '>') {
                rep = "&gt;";
            } else if (c == '&') {
                rep = "&amp;";
            } else if (c == '"') {
                rep = "&quot;";
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == '\uFFFE' || c == '\uFFFF') {
                rep = "\uFFFD";
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                rep = "\uFFFD";
            } else if (Character.isLowSurrogate(c)) {
                rep = "\uFFFD";
            } else {
                continue;
            }
            w.write(s, start, i - start);
            w.write(rep);
            start = i + 1;
        }
        w.write(s, start, n - start);
        return this;
    }

    void flush() throws IOException {
        w.flush();
    }
}
