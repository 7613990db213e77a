package org.datagora.storage.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import com.google.crypto.tink.util.SecretBytes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tink's streaming AEAD with the parameters of its AES256_GCM_HKDF_1MB template (AES-256-GCM, keys
 * derived per stream with HKDF-SHA256 from the dataset key and a random salt, 1 MiB ciphertext
 * segments), built directly from the raw 32-byte dataset key: the key is a value the app hands around,
 * not a Tink keyset, so there is no keyset (and no key id prefix) to store. Segments are numbered and the
 * last one is marked, so reordering, dropping or truncating segments fails authentication.
 */
public final class DatasetStreamCipher {

    /** Bytes per ciphertext segment, as in Tink's AES256_GCM_HKDF_1MB. */
    public static final int SEGMENT_SIZE = 1 << 20;

    private static final AesGcmHkdfStreamingParameters PARAMETERS = parameters();
    /** Streams at least this long are worth a JIT warm-up first (see {@link #warmUpFor(long)}). */
    public static final long WARM_UP_THRESHOLD = 16L << 20;
    private static final AtomicBoolean WARMED_UP = new AtomicBoolean();

    private final StreamingAead aead;

    public DatasetStreamCipher(DatasetKey key) {
        byte[] raw = key.bytes();
        try {
            AesGcmHkdfStreamingKey tinkKey = AesGcmHkdfStreamingKey.create(
                    PARAMETERS, SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get()));
            this.aead = AesGcmHkdfStreaming.create(tinkKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink rejected fixed, valid streaming parameters", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Encrypts everything written to the returned stream; closing it writes the last segment and closes {@code out}. */
    public OutputStream encrypting(OutputStream out, byte[] associatedData) throws IOException {
        try {
            return aead.newEncryptingStream(out, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IOException("Could not start encrypting: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts and authenticates segment by segment. Bytes come out only after their segment authenticated,
     * but whether the stream is complete is known only when a read returns -1 without an exception.
     */
    public InputStream decrypting(InputStream in, byte[] associatedData) throws IOException {
        try {
            return aead.newDecryptingStream(in, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IOException("Could not start decrypting: " + e.getMessage(), e);
        }
    }

    /** The ciphertext length for a plaintext of the given length (Tink header plus one tag per segment). */
    public static long ciphertextSize(long plaintextSize) {
        try {
            return new AesGcmHkdfStreaming(new byte[DatasetKey.LENGTH], "HmacSha256", DatasetKey.LENGTH,
                    SEGMENT_SIZE, 0).expectedCiphertextSize(plaintextSize);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes the JIT compile the JDK's AES-GCM code before a long stream starts. With 1 MiB segments,
     * the JDK's AES-GCM runs interpreted, without its AES-NI/CLMUL intrinsics, for the first ~250 MiB
     * (about 25 MB/s here, measured) because its methods are called too few times to get compiled. Pushing
     * 4 MiB through a throw-away stream with 1 KiB segments calls them thousands of times, which takes
     * about half a second and brings the rate to over 1 GB/s from the start. Done once per JVM (a JIT
     * effect is process-wide, so a process-wide flag is the honest scope), only for long streams.
     */
    public static void warmUpFor(long plaintextSize) {
        if (plaintextSize < WARM_UP_THRESHOLD || !WARMED_UP.compareAndSet(false, true)) {
            return;
        }
        try {
            AesGcmHkdfStreaming small = new AesGcmHkdfStreaming(new byte[DatasetKey.LENGTH], "HmacSha256",
                    DatasetKey.LENGTH, 1024, 0);
            byte[] buffer = new byte[64 * 1024];
            ByteArrayOutputStream ciphertext = new ByteArrayOutputStream(5 << 20);
            try (OutputStream out = small.newEncryptingStream(ciphertext, new byte[0])) {
                for (int i = 0; i < 64; i++) {
                    out.write(buffer);
                }
            }
            try (InputStream in = small.newDecryptingStream(
                    new ByteArrayInputStream(ciphertext.toByteArray()), new byte[0])) {
                while (in.read(buffer) >= 0) {
                    // Reading is the warm-up.
                }
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Warming up AES-GCM failed on in-memory data", e);
        }
    }

    private static AesGcmHkdfStreamingParameters parameters() {
        try {
            return AesGcmHkdfStreamingParameters.builder()
                    .setKeySizeBytes(DatasetKey.LENGTH)
                    .setDerivedAesGcmKeySizeBytes(DatasetKey.LENGTH)
                    .setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
                    .setCiphertextSegmentSizeBytes(SEGMENT_SIZE)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink rejected fixed, valid streaming parameters", e);
        }
    }
}
