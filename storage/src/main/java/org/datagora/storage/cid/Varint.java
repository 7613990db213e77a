package org.datagora.storage.cid;

import java.io.ByteArrayOutputStream;

/** Unsigned LEB128 varints as used by multiformats and protobuf. */
final class Varint {

    private Varint() {
    }

    static void write(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    static int size(long value) {
        int size = 1;
        long v = value;
        while ((v & ~0x7fL) != 0) {
            size++;
            v >>>= 7;
        }
        return size;
    }

    /** Reads a varint at {@code position[0]} and advances it. */
    static long read(byte[] bytes, int[] position) {
        long value = 0;
        int shift = 0;
        while (true) {
            if (position[0] >= bytes.length) {
                throw new IllegalArgumentException("Truncated varint");
            }
            if (shift > 63) {
                throw new IllegalArgumentException("Varint too long");
            }
            int b = bytes[position[0]++] & 0xff;
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
            shift += 7;
        }
    }
}
