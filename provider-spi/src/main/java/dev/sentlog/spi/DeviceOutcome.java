package dev.sentlog.spi;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What is known of one device's delivery: either a {@link DeviceStatus} or, for Voice and Text,
 * a provider's {@link CallStatusCode} (SPEC K1, J1).
 *
 * <p>Values are immutable; the factories share instances, so a message of a million devices holds
 * a handful of outcome objects.
 */
public sealed interface DeviceOutcome permits DeviceOutcome.Status, DeviceOutcome.Call {

    /**
     * The outcome as a device status.
     *
     * @param status the status
     */
    record Status(DeviceStatus status) implements DeviceOutcome {
        private static final Map<DeviceStatus, Status> SHARED = new EnumMap<>(DeviceStatus.class);

        static {
            for (DeviceStatus s : DeviceStatus.values()) {
                SHARED.put(s, new Status(s));
            }
        }

        /**
         * Validates the status.
         *
         * @throws NullPointerException when status is null
         */
        public Status {
            Objects.requireNonNull(status, "status");
        }

        @Override
        public String display() {
            return status.label();
        }
    }

    /**
     * The outcome as a call status code (Voice and Text only).
     *
     * @param code the code
     */
    record Call(CallStatusCode code) implements DeviceOutcome {
        private static final Call[] SHARED = new Call[64];

        static {
            for (CallStatusCode c : CallStatusCode.table()) {
                SHARED[c.code() + 40] = new Call(c);
            }
        }

        /**
         * Validates the code.
         *
         * @throws NullPointerException when code is null
         */
        public Call {
            Objects.requireNonNull(code, "code");
        }

        @Override
        public String display() {
            return code.display();
        }
    }

    /**
     * The shared outcome for a device status.
     *
     * @param status the status
     * @return the outcome
     */
    static DeviceOutcome of(DeviceStatus status) {
        return Status.SHARED.get(Objects.requireNonNull(status, "status"));
    }

    /**
     * The outcome for a call status code; known codes share one instance each.
     *
     * @param code the numeric code as the provider sent it
     * @return the outcome
     */
    static DeviceOutcome call(int code) {
        int slot = code + 40;
        if (slot >= 0 && slot < Call.SHARED.length && Call.SHARED[slot] != null) {
            return Call.SHARED[slot];
        }
        return new Call(CallStatusCode.of(code));
    }

    /** The text a report prints in its Status column (SPEC P5). */
    String display();
}
