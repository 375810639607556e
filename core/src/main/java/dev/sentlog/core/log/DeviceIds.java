package dev.sentlog.core.log;

/**
 * The device ids the log hands to providers: {@code "<entryIndex>.<deviceIndex>"} within the
 * message, stable and derivable from the recipient list.
 */
final class DeviceIds {

    private DeviceIds() {
    }

    static String of(int entry, int device) {
        return entry + "." + device;
    }

    /**
     * Parses a device id without allocating.
     *
     * @return {@code entry << 32 | device}, or -1 when the id is not of the form
     */
    static long parse(String id) {
        int dot = id.indexOf('.');
        if (dot <= 0 || dot == id.length() - 1) {
            return -1;
        }
        long entry = digits(id, 0, dot);
        long device = digits(id, dot + 1, id.length());
        if (entry < 0 || device < 0) {
            return -1;
        }
        return entry << 32 | device;
    }

    private static long digits(String s, int from, int to) {
        if (to - from > 9) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
