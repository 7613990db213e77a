package org.datagora.storage.cache;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.SCrypt;

/** Derives 256-bit keys from a password with scrypt (BouncyCastle), wiping the password bytes it makes. */
public final class PasswordKdf {
    /** scrypt cost parameters; stored next to every salt so they can be raised later without a migration. */
    public record Params(int cost, int blockSize, int parallelism) {
        /** About 100 ms on one core here: slow for a guesser, quick enough for an unlock. */
        public static final Params DEFAULT = new Params(1 << 15, 8, 1);
    }

    private PasswordKdf() {
    }

    /** Returns a 32-byte key; the caller wipes it when done. */
    public static byte[] derive(char[] password, byte[] salt, Params params) {
        byte[] bytes = utf8(password);
        try {
            return SCrypt.generate(bytes, salt, params.cost(), params.blockSize(), params.parallelism(), 32);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        // The encoder's buffer held the password too.
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }
}
