package dev.sentlog.spi.mapping;

import dev.sentlog.spi.FeedbackKind;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import java.util.Locale;
import java.util.Objects;

/** Small builders the mappings share. */
final class Outcomes {

    private Outcomes() {
    }

    /** The key a status is looked up by: stripped, lower-case, {@code _} and {@code -} alike. */
    static String key(String value, String what) {
        return Objects.requireNonNull(value, what).strip().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The key of a field a payload may leave out: null reads as blank. */
    static String optionalKey(String value) {
        return value == null ? "" : key(value, "value");
    }

    static MappedStatus status(DeviceStatus status, String reason) {
        return new MappedStatus.Outcome(DeviceOutcome.of(status), blankToNull(reason));
    }

    static MappedStatus code(int code, String reason) {
        return new MappedStatus.Outcome(DeviceOutcome.call(code), blankToNull(reason));
    }

    static MappedStatus feedback(FeedbackKind kind) {
        return new MappedStatus.Feedback(kind);
    }

    private static String blankToNull(String reason) {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }
}
