package dev.spinnet.network.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Minimal reader for ustar/GNU tar streams: 512-byte headers, each followed by the entry's data
 * padded to 512 bytes, ended by zero blocks. Enough for {@code cifar-10-binary.tar.gz}; handles
 * GNU long names ('L') and skips pax headers, links and devices.
 */
final class TarReader {
    private static final int BLOCK = 512;

    /** One entry; read its data from {@link #data()} before calling {@link TarReader#next()} again. */
    record Entry(String name, char type, long size, InputStream data) {
        boolean isRegularFile() {
            return type == '0' || type == '\0' || type == '7';
        }
    }

    private final InputStream in;
    private long offset;
    private long remaining; // unread data + padding of the current entry

    TarReader(InputStream in) {
        this.in = in;
    }

    /** The next entry, or null at the end of the archive. */
    Entry next() throws IOException {
        String longName = null;
        while (true) {
            skipFully(remaining);
            remaining = 0;
            byte[] h = in.readNBytes(BLOCK);
            if (h.length == 0) {
                return null; // some writers omit the trailing zero blocks
            }
            if (h.length < BLOCK) {
                throw new EOFException("truncated tar header at offset " + offset);
            }
            long headerOffset = offset;
            offset += BLOCK;
            if (isZero(h)) {
                return null;
            }
            checkChecksum(h, headerOffset);
            long size = number(h, 124, 12);
            char type = (char) h[156];
            long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
            if (type == 'L') { // GNU long name: the data is the next entry's name
                byte[] nameBytes = readData(size, padded);
                longName = cString(nameBytes, 0, nameBytes.length);
                continue;
            }
            String name = longName != null ? longName : fullName(h);
            longName = null;
            remaining = padded;
            return new Entry(name, type, size, new BoundedStream(size));
        }
    }

    private byte[] readData(long size, long padded) throws IOException {
        if (size > 1 << 20) {
            throw new IOException("implausible long-name size " + size + " at offset " + offset);
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new EOFException("truncated tar entry at offset " + offset);
        }
        offset += size;
        skipFully(padded - size);
        return data;
    }

    private static String fullName(byte[] h) {
        String name = cString(h, 0, 100);
        boolean ustar = h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r';
        String prefix = ustar ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static void checkChecksum(byte[] h, long at) throws IOException {
        long stored = number(h, 148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : h[i] & 0xff;
        }
        if (sum != stored) {
            throw new IOException("not a tar archive (bad header checksum at offset " + at + ")");
        }
    }

    /** Octal field (NUL/space terminated), or GNU base-256 when the top bit is set. */
    private static long number(byte[] h, int off, int len) throws IOException {
        if ((h[off] & 0x80) != 0) {
            long v = h[off] & 0x7f;
            for (int i = 1; i < len; i++) {
                v = v << 8 | (h[off + i] & 0xff);
            }
            return v;
        }
        long v = 0;
        int i = off;
        int end = off + len;
        while (i < end && h[i] == ' ') {
            i++;
        }
        for (; i < end && h[i] != 0 && h[i] != ' '; i++) {
            if (h[i] < '0' || h[i] > '7') {
                throw new IOException("not a tar archive (bad octal field)");
            }
            v = v * 8 + (h[i] - '0');
        }
        return v;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private void skipFully(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() == -1) {
                    throw new EOFException("truncated tar archive at offset " + offset);
                }
                s = 1;
            }
            left -= s;
            offset += s;
        }
    }

    /** The current entry's data; consuming it reduces what next() must skip. */
    private final class BoundedStream extends InputStream {
        private long left;

        BoundedStream(long size) {
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            int r = in.read(b, off, (int) Math.min(len, left));
            if (r == -1) {
                throw new EOFException("truncated tar entry at offset " + offset);
            }
            left -= r;
            remaining -= r;
            offset += r;
            return r;
        }
    }
}
