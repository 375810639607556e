package dev.sentlog.core.message;

import dev.sentlog.core.internal.Checks;

/**
 * A reference to a file the host keeps (an email attachment, an audio file). The log shows its
 * link only while the host says the file still exists (SPEC S8).
 *
 * @param name the file name shown to people
 * @param uri  the host's reference
 */
public record FileRef(String name, String uri) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException when a component is null
     */
    public FileRef {
        Checks.requireNonNull(name, "file.name");
        Checks.requireNonNull(uri, "file.uri");
    }
}
