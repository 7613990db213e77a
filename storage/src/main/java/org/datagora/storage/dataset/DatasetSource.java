package org.datagora.storage.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The plaintext side of a dataset before encryption: an ordered list of files, each with its dataset path,
 * its size and a way to open it. Nothing is read until encryption runs, which reads every file once.
 */
public final class DatasetSource {

    /** Opens a file's content; called once per encryption. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** One file of the dataset: its '/'-separated path inside the dataset and its exact size. */
    public record Entry(String path, long size, Opener opener) {
        public Entry {
            if (size < 0) {
                throw new IllegalArgumentException("A file size cannot be negative: " + size);
            }
        }
    }

    private final List<Entry> entries;

    private DatasetSource(List<Entry> entries) throws UnsafeDatasetPathException {
        this.entries = List.copyOf(entries);
        DatasetPaths.checkAll(this.entries.stream().map(Entry::path).toList());
    }

    /** A dataset of given entries (paths are checked now). */
    public static DatasetSource ofEntries(List<Entry> entries) throws UnsafeDatasetPathException {
        return new DatasetSource(entries);
    }

    /** A one-file dataset read from a stream of known size, e.g. generated data or a download. */
    public static DatasetSource ofStream(String fileName, long size, Opener opener)
            throws UnsafeDatasetPathException {
        return new DatasetSource(List.of(new Entry(fileName, size, opener)));
    }

    /**
     * A file (the dataset holds it under its own name) or a folder (the dataset holds every regular file
     * below it as "folderName/relative/path", sorted by path). Symbolic links are refused rather than
     * skipped, so nothing the user sees in the folder is silently left out; empty folders are not kept.
     */
    public static DatasetSource of(Path fileOrFolder) throws IOException {
        Path source = fileOrFolder.toAbsolutePath().normalize();
        if (Files.isRegularFile(source)) {
            return ofStream(source.getFileName().toString(), Files.size(source), () -> Files.newInputStream(source));
        }
        if (!Files.isDirectory(source)) {
            throw new IOException(fileOrFolder + " is neither a file nor a folder, so it cannot be a dataset.");
        }
        String rootName = source.getFileName() == null ? "dataset" : source.getFileName().toString();
        List<Entry> entries = new ArrayList<>();
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isSymbolicLink()) {
                    throw new IOException(file + " is a symbolic link; datasets hold regular files only. "
                            + "Replace the link with the file it points to, or remove it.");
                }
                if (!attributes.isRegularFile()) {
                    throw new IOException(file + " is not a regular file and cannot be part of a dataset.");
                }
                StringBuilder path = new StringBuilder(rootName);
                for (Path part : source.relativize(file)) {
                    path.append('/').append(part);
                }
                long size = attributes.size();
                entries.add(new Entry(path.toString(), size, () -> Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)));
                return FileVisitResult.CONTINUE;
            }
        });
        if (entries.isEmpty()) {
            throw new IOException(fileOrFolder + " holds no files, so there is nothing to put in a dataset.");
        }
        entries.sort(Comparator.comparing(Entry::path));
        return new DatasetSource(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Total plaintext bytes over all files. */
    public long totalSize() {
        return entries.stream().mapToLong(Entry::size).sum();
    }
}
