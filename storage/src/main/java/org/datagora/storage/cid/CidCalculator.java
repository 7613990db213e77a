package org.datagora.storage.cid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the UnixFS file CID of a byte stream exactly as an IPFS node's {@code add} does (fixed-size
 * chunks, balanced layout), in constant memory: one chunk buffer and at most {@code maxLinks} pending
 * links per tree level. Feed bytes with {@link #update}, then call {@link #finish} once.
 *
 * <p>The balanced layout groups the nodes of each level into consecutive batches of {@code maxLinks}
 * and repeats until one node is left. Because batches are consecutive, a batch can be reduced the
 * moment it is full, which is what makes streaming possible. Not thread-safe.
 */
public final class CidCalculator {

    private static final int STREAM_BUFFER = 1 << 20;

    private final UnixFsLayout layout;
    private final BlockListener listener;
    private final MessageDigest sha256;
    private final byte[] chunk;
    private int chunkFill;
    /** levels.get(k) holds the not yet reduced nodes of level k (0 = leaves). */
    private final List<List<DagPb.Link>> levels = new ArrayList<>();
    /** How many nodes were ever added to each level; a level that got exactly one node holds the root. */
    private final List<Long> levelTotals = new ArrayList<>();
    private long byteCount;
    private boolean finished;

    /** A calculator for {@code ipfs add --cid-version=1 --raw-leaves}. */
    public CidCalculator() {
        this(UnixFsLayout.CID_V1, BlockListener.NONE);
    }

    public CidCalculator(UnixFsLayout layout, BlockListener listener) {
        this.layout = layout;
        this.listener = listener;
        this.chunk = new byte[layout.chunkSize()];
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The CIDv1 (raw leaves) of the whole stream, read to its end; the stream is not closed. */
    public static Cid of(InputStream in) throws IOException {
        return of(in, UnixFsLayout.CID_V1);
    }

    /** The CID of the whole stream, read to its end, with the given layout; the stream is not closed. */
    public static Cid of(InputStream in, UnixFsLayout layout) throws IOException {
        CidCalculator calculator = new CidCalculator(layout, BlockListener.NONE);
        byte[] buffer = new byte[STREAM_BUFFER];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            calculator.update(buffer, 0, n);
        }
        return calculator.finish();
    }

    /** The CIDv1 (raw leaves) of a file's content. */
    public static Cid of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }

    /** The CIDv1 (raw leaves) of the given bytes. */
    public static Cid of(byte[] bytes) {
        CidCalculator calculator = new CidCalculator();
        calculator.update(bytes, 0, bytes.length);
        return calculator.finish();
    }

    /** How many bytes were fed so far. */
    public long byteCount() {
        return byteCount;
    }

    public void update(byte[] bytes, int offset, int length) {
        if (finished) {
            throw new IllegalStateException("finish() was already called");
        }
        byteCount += length;
        int position = offset;
        int remaining = length;
        while (remaining > 0) {
            if (chunkFill == 0 && remaining >= chunk.length) {
                // A whole chunk straight from the caller's array: no copy.
                addLeaf(bytes, position, chunk.length);
                position += chunk.length;
                remaining -= chunk.length;
                continue;
            }
            int n = Math.min(remaining, chunk.length - chunkFill);
            System.arraycopy(bytes, position, chunk, chunkFill, n);
            chunkFill += n;
            position += n;
            remaining -= n;
            if (chunkFill == chunk.length) {
                addLeaf(chunk, 0, chunkFill);
                chunkFill = 0;
            }
        }
    }

    /** Ends the stream and returns the root CID. */
    public Cid finish() {
        if (finished) {
            throw new IllegalStateException("finish() was already called");
        }
        finished = true;
        // IPFS emits one (empty) leaf for an empty file, and no empty leaf after a full last chunk.
        if (chunkFill > 0 || byteCount == 0) {
            addLeaf(chunk, 0, chunkFill);
            chunkFill = 0;
        }
        for (int level = 0; ; level++) {
            if (levelTotals.get(level) == 1) {
                // A single node on a level is the root; for level 0 this is IPFS's "single leaf is the file".
                return levels.get(level).get(0).cid();
            }
            List<DagPb.Link> pending = levels.get(level);
            if (!pending.isEmpty()) {
                reduce(level);
            }
        }
    }

    private void addLeaf(byte[] bytes, int offset, int length) {
        DagPb.Link leaf;
        if (layout.cidVersion() == 1) {
            sha256.update(bytes, offset, length);
            Cid cid = Cid.v1(Cid.RAW, sha256.digest());
            listener.onBlock(cid, bytes, offset, length);
            leaf = new DagPb.Link(cid, length, length);
        } else {
            byte[] block = DagPb.node(List.of(), DagPb.unixFsFile(bytes, offset, length, List.of()));
            Cid cid = Cid.v0(sha256.digest(block));
            listener.onBlock(cid, block, 0, block.length);
            leaf = new DagPb.Link(cid, block.length, length);
        }
        add(0, leaf);
    }

    private void add(int level, DagPb.Link link) {
        if (levels.size() == level) {
            levels.add(new ArrayList<>(layout.maxLinks()));
            levelTotals.add(0L);
        }
        levels.get(level).add(link);
        levelTotals.set(level, levelTotals.get(level) + 1);
        if (levels.get(level).size() == layout.maxLinks()) {
            reduce(level);
        }
    }

    /** Turns the pending nodes of a level into one parent on the level above. */
    private void reduce(int level) {
        List<DagPb.Link> children = levels.get(level);
        byte[] data = DagPb.unixFsFile(new byte[0], 0, 0, children);
        byte[] block = DagPb.node(children, data);
        byte[] digest = sha256.digest(block);
        Cid cid = layout.cidVersion() == 1 ? Cid.v1(Cid.DAG_PB, digest) : Cid.v0(digest);
        long dagSize = block.length;
        long fileSize = 0;
        for (DagPb.Link child : children) {
            dagSize += child.dagSize();
            fileSize += child.fileSize();
        }
        listener.onBlock(cid, block, 0, block.length);
        levels.set(level, new ArrayList<>(layout.maxLinks()));
        add(level + 1, new DagPb.Link(cid, dagSize, fileSize));
    }
}
