package dev.sentlog.report;

import dev.sentlog.core.reportoptions.DeviceChoice;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.report.internal.Checks;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a user picked in the Sent Message Report Options (SPEC P1): the delivery devices to include,
 * the detail level and the format.
 *
 * <p>A value holds any combination; whether it applies to a given message (only the message's
 * delivery modes can be picked, Failed Delivery is refused for Waiting and In-Progress messages) is
 * checked when the report is written, see {@link SentMessageReport#validate}.
 *
 * @param devices the device choices; copied, never null
 * @param detail  the detail level
 * @param format  the file format
 */
public record ReportOptions(Set<DeviceChoice> devices, ReportDetail detail, ReportFormat format) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException when a component or a device choice is null
     */
    public ReportOptions {
        Checks.requireNonNull(devices, "reportOptions.devices");
        Checks.requireNonNull(detail, "reportOptions.detail");
        Checks.requireNonNull(format, "reportOptions.format");
        EnumSet<DeviceChoice> copy = EnumSet.noneOf(DeviceChoice.class);
        for (DeviceChoice d : devices) {
            copy.add(Checks.requireNonNull(d, "reportOptions.devices[]"));
        }
        devices = Collections.unmodifiableSet(copy);
    }

    /**
     * Options.
     *
     * @param devices the device choices
     * @param detail  the detail level
     * @param format  the format
     * @return the options
     */
    public static ReportOptions of(Set<DeviceChoice> devices, ReportDetail detail, ReportFormat format) {
        return new ReportOptions(devices, detail, format);
    }

    /**
     * The same devices and detail in another format (SPEC P7 compares formats this way).
     *
     * @param newFormat the format
     * @return the copy
     */
    public ReportOptions withFormat(ReportFormat newFormat) {
        return new ReportOptions(devices, detail, newFormat);
    }
}
