package org.datagora.storage.dataset;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules for file paths inside a dataset: relative, '/'-separated, no empty, "." or ".." segments, no
 * characters that mean something else on Windows or in a terminal, and unique even on case-insensitive
 * file systems. The same rules apply when a dataset is made and when it is opened, so a hostile
 * manifest cannot write outside the target folder.
 */
final class DatasetPaths {

    static final int MAX_PATH_LENGTH = 4096;
    static final int MAX_SEGMENT_BYTES = 255;

    private DatasetPaths() {
    }

    static void check(String path) throws UnsafeDatasetPathException {
        if (path == null || path.isEmpty()) {
            throw new UnsafeDatasetPathException(String.valueOf(path), "empty path");
        }
        if (path.length() > MAX_PATH_LENGTH) {
            throw new UnsafeDatasetPathException(path, "longer than " + MAX_PATH_LENGTH + " characters");
        }
        if (path.startsWith("/")) {
            throw new UnsafeDatasetPathException(path, "absolute path");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new UnsafeDatasetPathException(path, "control character");
            }
            if (c == '\\' || c == ':') {
                throw new UnsafeDatasetPathException(path, "'" + c + "' is not allowed in dataset paths");
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                throw new UnsafeDatasetPathException(path, "empty path segment");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw new UnsafeDatasetPathException(path, "'" + segment + "' segment");
            }
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                throw new UnsafeDatasetPathException(path, "a name longer than " + MAX_SEGMENT_BYTES + " bytes");
            }
        }
    }

    /** Checks every path, and that no two collide (also case-insensitively, or as file and folder). */
    static void checkAll(List<String> paths) throws UnsafeDatasetPathException {
        Set<String> files = new HashSet<>();
        Set<String> folders = new HashSet<>();
        for (String path : paths) {
            check(path);
            String folded = path.toLowerCase(Locale.ROOT);
            if (!files.add(folded)) {
                throw new UnsafeDatasetPathException(path, "appears twice (letter case ignored)");
            }
            int slash = folded.indexOf('/');
            while (slash >= 0) {
                folders.add(folded.substring(0, slash));
                slash = folded.indexOf('/', slash + 1);
            }
        }
        for (String path : paths) {
            if (folders.contains(path.toLowerCase(Locale.ROOT))) {
                throw new UnsafeDatasetPathException(path, "is both a file and a folder");
            }
        }
    }

    /** Where a checked path lands under the target folder; refuses anything that would escape it. */
    static Path resolve(Path target, String path) throws UnsafeDatasetPathException {
        check(path);
        Path root = target.toAbsolutePath().normalize();
        Path resolved = root;
        for (String segment : path.split("/")) {
            resolved = resolved.resolve(segment);
        }
        resolved = resolved.normalize();
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw new UnsafeDatasetPathException(path, "leaves the target folder");
        }
        return resolved;
    }
}
