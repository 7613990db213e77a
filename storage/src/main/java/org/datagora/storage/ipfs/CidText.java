package org.datagora.storage.ipfs;

import java.math.BigInteger;

/**
 * Brings CID strings to one spelling: CIDv1 in base32 (what kubo prints), CIDv0 unchanged. js-ipfs
 * prints CIDv1 in base58btc unless asked otherwise, and some commands refuse to be asked.
 */
public final class CidText {

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

    private CidText() {
    }

    /** Returns {@code cid} as base32 CIDv1 when it is a base58btc CIDv1 ('z...'), else unchanged. */
    public static String canonical(String cid) {
        if (cid.length() > 1 && cid.charAt(0) == 'z') {
            return "b" + base32(base58(cid.substring(1)));
        }
        if (cid.length() > 1 && cid.charAt(0) == 'B') {
            return cid.toLowerCase(java.util.Locale.ROOT);
        }
        return cid;
    }

    private static byte[] base58(String text) {
        BigInteger value = BigInteger.ZERO;
        BigInteger radix = BigInteger.valueOf(58);
        int leadingZeros = 0;
        while (leadingZeros < text.length() && text.charAt(leadingZeros) == '1') {
            leadingZeros++;
        }
        for (int i = 0; i < text.length(); i++) {
            int digit = BASE58.indexOf(text.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("Not a base58btc CID: z" + text);
            }
            value = value.multiply(radix).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        int signByte = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
        byte[] bytes = new byte[leadingZeros + magnitude.length - signByte];
        System.arraycopy(magnitude, signByte, bytes, leadingZeros, magnitude.length - signByte);
        return bytes;
    }

    private static String base32(byte[] bytes) {
        StringBuilder text = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                text.append(BASE32.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            text.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return text.toString();
    }
}
