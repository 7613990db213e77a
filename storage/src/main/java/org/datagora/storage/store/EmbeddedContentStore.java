package org.datagora.storage.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.datagora.storage.cid.Cid;
import org.datagora.storage.cid.CidCalculator;
import org.datagora.storage.cid.UnixFsLayout;

/**
 * A {@link ContentStore} in the local data directory, for the sandbox and for working without a node:
 * the same UnixFS DAG an IPFS node builds (CIDv1, raw leaves, 256 KiB chunks, balanced, 174 links), one
 * file per block under {@code blocks/}, one empty file per pin under {@code pins/}.
 */
public final class EmbeddedContentStore implements ContentStore {

    private static final int READ_BUFFER = 1024 * 1024;

    private final BlockDirectory blocks;
    private final Path pins;
    /** Writers share it; garbage collection takes it alone, so it never deletes blocks of a put under way. */
    private final ReadWriteLock collection = new ReentrantReadWriteLock();

    /** A store in {@code dataDir} (created when missing). */
    public EmbeddedContentStore(Path dataDir) throws IOException {
        this.blocks = new BlockDirectory(dataDir.resolve("blocks"));
        this.pins = Files.createDirectories(dataDir.resolve("pins"));
    }

    @Override
    public String put(InputStream data, LongConsumer bytesStored) throws IOException {
        // The calculator hands over every block as it completes it, leaves first and the root last.
        CidCalculator calculator = new CidCalculator(UnixFsLayout.CID_V1, blocks::put);
        byte[] buffer = new byte[READ_BUFFER];
        collection.readLock().lock();
        try {
            int n;
            while ((n = data.read(buffer)) >= 0) {
                calculator.update(buffer, 0, n);
                bytesStored.accept(calculator.byteCount());
            }
            Cid root = calculator.finish();
            pin(root);
            return root.toString();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            collection.readLock().unlock();
        }
    }

    @Override
    public String put(Path file, LongConsumer bytesStored) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return put(in, bytesStored);
        }
    }

    @Override
    public InputStream get(String cid) throws IOException {
        Cid root = parse(cid);
        if (!blocks.has(root)) {
            throw new ContentNotFoundException(cid, "The local store does not have the content " + cid
                    + ". Import its CAR file or add it first.", null);
        }
        return new DagInputStream(blocks, root, 0, -1);
    }

    @Override
    public InputStream get(String cid, long offset, long length) throws IOException {
        Cid root = parse(cid);
        if (!blocks.has(root)) {
            throw new ContentNotFoundException(cid, "The local store does not have the content " + cid
                    + ". Import its CAR file or add it first.", null);
        }
        return new DagInputStream(blocks, root, offset, length);
    }

    @Override
    public boolean has(String cid) {
        return blocks.has(parse(cid));
    }

    @Override
    public void pin(String cid) throws IOException {
        Cid root = parse(cid);
        if (!blocks.has(root)) {
            throw new ContentNotFoundException(cid, "Cannot pin " + cid + ": the local store does not have it.", null);
        }
        pin(root);
    }

    private void pin(Cid root) throws IOException {
        Path marker = pins.resolve(root.toString());
        if (!Files.exists(marker)) {
            Files.createFile(marker);
        }
    }

    @Override
    public void unpin(String cid) throws IOException {
        Files.deleteIfExists(pins.resolve(parse(cid).toString()));
    }

    /** The pinned roots. */
    public List<String> pins() throws IOException {
        try (Stream<Path> files = Files.list(pins)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Deletes every block no pinned DAG reaches; returns how many were deleted. */
    public int collectGarbage() throws IOException {
        collection.writeLock().lock();
        try {
            return collectUnreachable();
        } finally {
            collection.writeLock().unlock();
        }
    }

    private int collectUnreachable() throws IOException {
        Set<Cid> live = new HashSet<>();
        for (String pinned : pins()) {
            walk(Cid.parse(pinned), (cid, block) -> { }, live);
        }
        int deleted = 0;
        for (Cid cid : blocks.list()) {
            if (!live.contains(cid)) {
                blocks.delete(cid);
                deleted++;
            }
        }
        return deleted;
    }

    @Override
    public void exportCar(String cid, OutputStream out) throws IOException {
        Cid root = parse(cid);
        CarWriter writer = new CarWriter(out, List.of(root));
        walk(root, (block, bytes) -> writer.write(block, bytes, 0, bytes.length), new HashSet<>());
        out.flush();
    }

    @Override
    public List<String> importCar(InputStream car) throws IOException {
        collection.readLock().lock();
        try {
            return importVerified(new CarReader(car));
        } finally {
            collection.readLock().unlock();
        }
    }

    private List<String> importVerified(CarReader reader) throws IOException {
        // A damaged or truncated CAR must not leave part of a DAG that looks present: undo what it added.
        List<Cid> added = new ArrayList<>();
        try {
            Optional<CarReader.Block> block;
            while ((block = reader.next()).isPresent()) {
                Cid cid = block.get().cid();
                if (!blocks.has(cid)) {
                    blocks.put(cid, block.get().data(), 0, block.get().data().length);
                    added.add(cid);
                }
            }
            for (Cid root : reader.roots()) {
                if (!blocks.has(root)) {
                    throw new CarFormatException("The CAR file names the root " + root + " but does not contain it");
                }
            }
        } catch (IOException | RuntimeException e) {
            for (Cid cid : added) {
                blocks.delete(cid);
            }
            throw e;
        }
        List<String> roots = new ArrayList<>();
        for (Cid root : reader.roots()) {
            pin(root);
            roots.add(root.toString());
        }
        return roots;
    }

    /** Visits the DAG under {@code root} depth first, parents before children, each block once. */
    private void walk(Cid root, BlockVisitor visitor, Set<Cid> seen) throws IOException {
        Deque<Cid> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Cid cid = pending.pop();
            if (!seen.add(cid)) {
                continue;
            }
            byte[] bytes = blocks.block(cid);
            visitor.visit(cid, bytes);
            if (cid.codec() == Cid.DAG_PB) {
                List<UnixFsNode.Child> children = UnixFsNode.decode(cid, bytes).children();
                for (int i = children.size() - 1; i >= 0; i--) {
                    pending.push(children.get(i).cid());
                }
            }
        }
    }

    private static Cid parse(String cid) {
        return Cid.parse(cid);
    }

    @FunctionalInterface
    private interface BlockVisitor {
        void visit(Cid cid, byte[] bytes) throws IOException;
    }
}
