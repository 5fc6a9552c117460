package dev.spinnet.network.device;

/**
 * A device-model file that cannot be used: wrong schema version, a missing field, a non-finite number, a
 * table that is not monotonic. The message is one line naming the file and the field.
 */
public final class DeviceFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public DeviceFormatException(String message) {
        super(oneLine(message));
    }

    /**
     * Escapes control characters. Field names and values come from the file, and a JSON string may hold a
     * decoded newline: the CLI prints the message as one line, so a line break in it must stay visible as
     * {@code \n} rather than split the line.
     */
    static String oneLine(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                if (b == null) {
                    b = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                switch (c) {
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> b.append(String.format("\\u%04x", (int) c));
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** A value read from the file, quoted for a message and cut to a length that keeps the line readable. */
    static String quoted(String value) {
        final int max = 60;
        if (value == null) {
            return "null";
        }
        int cut = max;
        if (value.length() > max && Character.isHighSurrogate(value.charAt(max - 1))) {
            cut--; // keep a surrogate pair whole
        }
        String v = value.length() > max ? value.substring(0, cut) + "..." : value;
        return "\"" + v + "\"";
    }
}
