package dev.spinnet.network.device;

/**
 * A device-model file that cannot be used: wrong schema version, a missing field, a non-finite number, a
 * table that is not monotonic. The message is one line naming the file and the field.
 */
public final class DeviceFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public DeviceFormatException(String message) {
        super(message);
    }
}
