package org.datagora.storage.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datagora.storage.cid.Cid;

/**
 * The dag-cbor header of a CAR v1 file, {@code {"roots": [CID...], "version": 1}}. Encoded by hand: its
 * shape is fixed, and a general CBOR library would be a large dependency for a few dozen bytes. The
 * decoder accepts any well-formed header of that shape, in either key order.
 */
final class CarHeader {

    private static final int CID_TAG = 42;
    private static final int MAX_DEPTH = 8;

    private CarHeader() {
    }

    /** dag-cbor of {roots, version: 1}; keys sorted by length first, as dag-cbor requires. */
    static byte[] encode(List<Cid> roots) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        head(out, 5, 2);
        text(out, "roots");
        head(out, 4, roots.size());
        for (Cid root : roots) {
            head(out, 6, CID_TAG);
            byte[] cid = root.toBytes();
            // A CID in dag-cbor is a byte string with a leading 0x00 (the "identity" multibase prefix).
            head(out, 2, cid.length + 1);
            out.write(0);
            out.write(cid, 0, cid.length);
        }
        text(out, "version");
        head(out, 0, 1);
        return out.toByteArray();
    }

    /** The roots of a CAR v1 header; fails on other versions and on anything malformed. */
    static List<Cid> decodeRoots(byte[] bytes) throws CarFormatException {
        Decoder decoder = new Decoder(bytes);
        Object value = decoder.read(0);
        if (decoder.position != bytes.length || !(value instanceof Map<?, ?> map)) {
            throw new CarFormatException("The CAR header is not a single CBOR map");
        }
        if (!Long.valueOf(1).equals(map.get("version"))) {
            throw new CarFormatException("Only CAR version 1 is supported, this file says version " + map.get("version"));
        }
        if (!(map.get("roots") instanceof List<?> list)) {
            throw new CarFormatException("The CAR header has no list of roots");
        }
        List<Cid> roots = new ArrayList<>();
        for (Object root : list) {
            if (!(root instanceof TaggedCid cid)) {
                throw new CarFormatException("A root in the CAR header is not a CID");
            }
            roots.add(cid.cid());
        }
        return roots;
    }

    private static void head(ByteArrayOutputStream out, int major, long value) {
        int type = major << 5;
        if (value < 24) {
            out.write(type | (int) value);
        } else if (value < 0x100) {
            out.write(type | 24);
            out.write((int) value);
        } else if (value < 0x10000) {
            out.write(type | 25);
            out.write((int) (value >>> 8));
            out.write((int) value);
        } else {
            out.write(type | 26);
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write((int) (value >>> shift));
            }
        }
    }

    private static void text(ByteArrayOutputStream out, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        head(out, 3, utf8.length);
        out.write(utf8, 0, utf8.length);
    }

    private record TaggedCid(Cid cid) {
    }

    /** Reads the CBOR subset a CAR header uses: integers, byte and text strings, arrays, maps, tag 42. */
    private static final class Decoder {
        private final byte[] bytes;
        private int position;

        Decoder(byte[] bytes) {
            this.bytes = bytes;
        }

        Object read(int depth) throws CarFormatException {
            if (depth > MAX_DEPTH) {
                throw new CarFormatException("The CAR header nests too deeply");
            }
            int initial = next();
            int major = initial >>> 5;
            long argument = argument(initial & 31);
            switch (major) {
                case 0:
                    return argument;
                case 2:
                    return take(argument);
                case 3:
                    return new String(take(argument), StandardCharsets.UTF_8);
                case 4: {
                    requireAtLeast(argument);
                    List<Object> list = new ArrayList<>();
                    for (long i = 0; i < argument; i++) {
                        list.add(read(depth + 1));
                    }
                    return list;
                }
                case 5: {
                    requireAtLeast(argument * 2);
                    Map<Object, Object> map = new HashMap<>();
                    for (long i = 0; i < argument; i++) {
                        map.put(read(depth + 1), read(depth + 1));
                    }
                    return map;
                }
                case 6: {
                    Object tagged = read(depth + 1);
                    if (argument != CID_TAG || !(tagged instanceof byte[] cid) || cid.length < 2 || cid[0] != 0) {
                        throw new CarFormatException("The CAR header holds an unexpected CBOR tag " + argument);
                    }
                    try {
                        return new TaggedCid(Cid.fromBytes(Arrays.copyOfRange(cid, 1, cid.length)));
                    } catch (IllegalArgumentException e) {
                        throw new CarFormatException("The CAR header holds an invalid root CID: " + e.getMessage(), e);
                    }
                }
                default:
                    throw new CarFormatException("The CAR header holds CBOR of a type CAR v1 does not use");
            }
        }

        private long argument(int info) throws CarFormatException {
            if (info < 24) {
                return info;
            }
            int length = switch (info) {
                case 24 -> 1;
                case 25 -> 2;
                case 26 -> 4;
                case 27 -> 8;
                default -> throw new CarFormatException("The CAR header holds indefinite-length CBOR");
            };
            long value = 0;
            for (int i = 0; i < length; i++) {
                value = (value << 8) | next();
            }
            if (value < 0) {
                throw new CarFormatException("The CAR header holds a number too large for it");
            }
            return value;
        }

        /** Every element takes at least one byte: a count beyond what is left means a cut header. */
        private void requireAtLeast(long elements) throws CarFormatException {
            if (elements < 0 || elements > bytes.length - position) {
                throw new CarFormatException("The CAR header ends too early");
            }
        }

        private byte[] take(long length) throws CarFormatException {
            if (length > bytes.length - position) {
                throw new CarFormatException("The CAR header ends too early");
            }
            byte[] slice = Arrays.copyOfRange(bytes, position, position + (int) length);
            position += (int) length;
            return slice;
        }

        private int next() throws CarFormatException {
            if (position >= bytes.length) {
                throw new CarFormatException("The CAR header ends too early");
            }
            return bytes[position++] & 0xff;
        }
    }
}
