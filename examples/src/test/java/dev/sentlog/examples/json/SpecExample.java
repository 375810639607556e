package dev.sentlog.examples.json;

import dev.sentlog.core.fixtures.privacy.PersonalData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

/** The example message of SPEC section 10, kept verbatim as a test resource. */
final class SpecExample {

    static final String RESOURCE = "/spec-example-message.json";

    static {
        // the privacy check: everything personal the example holds (mutants of it are read too)
        PersonalData.message(MessageJson.inZone(ZoneOffset.UTC).read(text()).message());
    }

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
