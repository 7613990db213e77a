package org.datagora.storage.dataset;

import java.util.HexFormat;
import java.util.List;

/**
 * What a dataset holds: each file's path inside the dataset, its size, and the SHA-256 of its content.
 * Produced by encryption and returned again, verified, by decryption.
 */
public record DatasetManifest(List<File> files) {

    /** One file: '/'-separated path, size in bytes, SHA-256 digest. */
    public record File(String path, long size, byte[] sha256) {
        public File {
            sha256 = sha256.clone();
        }

        @Override
        public byte[] sha256() {
            return sha256.clone();
        }

        /** The digest in lower-case hex, as {@code sha256sum} prints it. */
        public String sha256Hex() {
            return HexFormat.of().formatHex(sha256);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof File that && path.equals(that.path) && size == that.size
                    && java.util.Arrays.equals(sha256, that.sha256);
        }

        @Override
        public int hashCode() {
            return path.hashCode() * 31 + Long.hashCode(size);
        }

        @Override
        public String toString() {
            return path + " (" + size + " bytes, sha256 " + sha256Hex() + ")";
        }
    }

    public DatasetManifest {
        files = List.copyOf(files);
    }

    /** Total bytes over all files. */
    public long totalSize() {
        return files.stream().mapToLong(File::size).sum();
    }
}
