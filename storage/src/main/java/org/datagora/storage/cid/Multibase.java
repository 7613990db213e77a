package org.datagora.storage.cid;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Base32 (RFC 4648, lower case, no padding) and base58btc, the two multibase encodings CIDs travel in. */
public final class Multibase {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final char[] BASE58 =
            "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] BASE32_INDEX = index(BASE32, true);
    private static final int[] BASE58_INDEX = index(BASE58, false);

    private Multibase() {
    }

    /** Encodes bytes as lower-case base32 without padding (no multibase prefix). */
    public static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    /** Decodes base32 (either case, no padding, no multibase prefix). */
    public static byte[] decodeBase32(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int value = c < 128 ? BASE32_INDEX[c] : -1;
            if (value < 0) {
                throw new IllegalArgumentException("Not a base32 character: '" + c + "'");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        // Leftover bits are padding and must be zero, or the text was not produced by an encoder.
        if (bits >= 5 || (buffer & ((1 << bits) - 1)) != 0) {
            throw new IllegalArgumentException("Malformed base32 text (bad trailing bits)");
        }
        return out.toByteArray();
    }

    /** Encodes bytes as base58btc (the Bitcoin alphabet, no multibase prefix). */
    public static String base58(byte[] bytes) {
        int zeros = 0;
        while (zeros < bytes.length && bytes[zeros] == 0) {
            zeros++;
        }
        byte[] digits = new byte[bytes.length * 138 / 100 + 1];
        int length = 0;
        for (int i = zeros; i < bytes.length; i++) {
            int carry = bytes[i] & 0xff;
            int j = 0;
            for (int k = digits.length - 1; (carry != 0 || j < length) && k >= 0; k--, j++) {
                carry += 256 * (digits[k] & 0xff);
                digits[k] = (byte) (carry % 58);
                carry /= 58;
            }
            length = j;
        }
        StringBuilder out = new StringBuilder(zeros + length);
        for (int i = 0; i < zeros; i++) {
            out.append('1');
        }
        for (int i = digits.length - length; i < digits.length; i++) {
            out.append(BASE58[digits[i]]);
        }
        return out.toString();
    }

    /** Decodes base58btc text (no multibase prefix). */
    public static byte[] decodeBase58(String text) {
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') {
            zeros++;
        }
        byte[] bytes = new byte[text.length() * 733 / 1000 + 1];
        int length = 0;
        for (int i = zeros; i < text.length(); i++) {
            char c = text.charAt(i);
            int carry = c < 128 ? BASE58_INDEX[c] : -1;
            if (carry < 0) {
                throw new IllegalArgumentException("Not a base58 character: '" + c + "'");
            }
            int j = 0;
            for (int k = bytes.length - 1; (carry != 0 || j < length) && k >= 0; k--, j++) {
                carry += 58 * (bytes[k] & 0xff);
                bytes[k] = (byte) carry;
                carry >>>= 8;
            }
            length = j;
        }
        byte[] out = new byte[zeros + length];
        System.arraycopy(bytes, bytes.length - length, out, zeros, length);
        return out;
    }

    private static int[] index(char[] alphabet, boolean caseInsensitive) {
        int[] index = new int[128];
        Arrays.fill(index, -1);
        for (int i = 0; i < alphabet.length; i++) {
            index[alphabet[i]] = i;
            if (caseInsensitive) {
                index[Character.toUpperCase(alphabet[i])] = i;
            }
        }
        return index;
    }
}
