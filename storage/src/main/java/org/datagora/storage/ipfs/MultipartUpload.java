package org.datagora.storage.ipfs;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A multipart/form-data body with one file part, streamed from its source as the HTTP client sends it,
 * so uploads of any size run in constant memory; counts the bytes sent for progress reports.
 */
final class MultipartUpload {

    private static final long REPORT_EVERY = 256 * 1024;

    private final String boundary = "datagora-" + UUID.randomUUID();
    private final byte[] head;
    private final byte[] tail;

    MultipartUpload(String fileName) {
        head = ("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** A body read once from {@code source}; the length is unknown, so it goes chunked. */
    HttpRequest.BodyPublisher of(InputStream source, ProgressListener progress) {
        return HttpRequest.BodyPublishers.ofInputStream(once(source, progress));
    }

    /** A body read from {@code file}, with its length known up front; may be sent again on a retry. */
    HttpRequest.BodyPublisher of(Path file, ProgressListener progress) throws IOException {
        long length = head.length + Files.size(file) + tail.length;
        Supplier<InputStream> opener = () -> {
            try {
                return frame(Files.newInputStream(file), progress);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        };
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(opener), length);
    }

    private Supplier<InputStream> once(InputStream source, ProgressListener progress) {
        InputStream framed = frame(source, progress);
        return () -> framed;
    }

    private InputStream frame(InputStream source, ProgressListener progress) {
        List<InputStream> parts = List.of(new ByteArrayInputStream(head), new Counting(source, progress),
                new ByteArrayInputStream(tail));
        return new SequenceInputStream(java.util.Collections.enumeration(parts));
    }

    /** Counts payload bytes as the client pulls them and reports every 256 KiB and at the end. */
    private static final class Counting extends FilterInputStream {
        private final ProgressListener progress;
        private long count;
        private long reported;

        Counting(InputStream in, ProgressListener progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            advance(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            advance(n);
            return n;
        }

        private void advance(int n) {
            if (n > 0) {
                count += n;
                if (count - reported >= REPORT_EVERY) {
                    reported = count;
                    progress.sent(count);
                }
            } else if (n < 0 && reported != count) {
                reported = count;
                progress.sent(count);
            }
        }
    }
}
