package org.datagora.storage.dataset;

import java.nio.charset.StandardCharsets;
import org.datagora.storage.crypto.DatasetStreamCipher;
import org.datagora.storage.crypto.KeyCommitment;

/**
 * The byte layout of an encrypted dataset container (version 1), documented in docs/dataset-format.md:
 * a 37-byte clear header (magic "DGDS", version, key commitment), then one Tink AES-GCM-HKDF stream
 * whose plaintext is the file index, the file contents in index order, and their SHA-256 digests.
 */
public final class DatasetFormat {

    /** The first four bytes of every container. */
    public static final byte[] MAGIC = "DGDS".getBytes(StandardCharsets.US_ASCII);
    /** The container format version this code writes and reads. */
    public static final int VERSION = 1;
    /** Magic, version byte and the 32-byte key commitment. */
    public static final int HEADER_LENGTH = MAGIC.length + 1 + 32;
    /** Upper bound of the index, so a hostile length cannot make the reader allocate without limit. */
    public static final int MAX_INDEX_LENGTH = 64 << 20;
    static final int DIGEST_LENGTH = 32;

    private DatasetFormat() {
    }

    /** The clear header for a key commitment; it is also the stream's associated data, so it is authenticated. */
    static byte[] header(KeyCommitment commitment) {
        byte[] header = new byte[HEADER_LENGTH];
        System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
        header[MAGIC.length] = (byte) VERSION;
        System.arraycopy(commitment.bytes(), 0, header, MAGIC.length + 1, 32);
        return header;
    }

    /** The exact container size for the given index length and file sizes, e.g. for upload progress. */
    public static long containerSize(int indexLength, long totalFileBytes, int fileCount) {
        long plaintext = 4L + indexLength + totalFileBytes + (long) DIGEST_LENGTH * fileCount;
        return HEADER_LENGTH + DatasetStreamCipher.ciphertextSize(plaintext);
    }
}
