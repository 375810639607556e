package dev.sentlog.examples.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The example message of SPEC section 10, kept verbatim as a test resource. */
final class SpecExample {

    static final String RESOURCE = "/spec-example-message.json";

    private SpecExample() {
    }

    static String text() {
        try (InputStream in = SpecExample.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
