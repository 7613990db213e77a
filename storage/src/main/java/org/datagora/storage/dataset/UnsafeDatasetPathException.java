package org.datagora.storage.dataset;

/**
 * A file path in a dataset would land outside the target folder or cannot be represented safely on
 * every operating system (absolute, "..", backslashes, duplicates...). Rejected before anything is written.
 */
public final class UnsafeDatasetPathException extends DatasetException {

    public UnsafeDatasetPathException(String path, String reason) {
        super("The dataset contains an unsafe file path \"" + printable(path) + "\" (" + reason
                + "). It was rejected and nothing was written.");
    }

    private static String printable(String path) {
        StringBuilder out = new StringBuilder();
        path.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
