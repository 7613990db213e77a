package org.datagora.storage.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.datagora.storage.cid.Cid;
import org.datagora.storage.cid.CidVerifyingInputStream;
import org.datagora.storage.ipfs.IpfsClient;
import org.datagora.storage.ipfs.IpfsContentNotFoundException;

/**
 * A {@link ContentStore} on an IPFS node, through its RPC API. Nothing from the node is trusted: content
 * read back is checked against its CID, and a CAR is checked block by block before the node sees it.
 */
public final class IpfsContentStore implements ContentStore {

    /** How long {@link #has} lets an offline node look for a block it may not have. */
    private static final Duration PRESENCE_WAIT = Duration.ofSeconds(1);

    private final IpfsClient client;

    public IpfsContentStore(IpfsClient client) {
        this.client = client;
    }

    @Override
    public String put(InputStream data, LongConsumer bytesStored) throws IOException {
        return client.add(data, true, bytesStored::accept).cid();
    }

    @Override
    public String put(Path file, LongConsumer bytesStored) throws IOException {
        return client.add(file, true, bytesStored::accept).cid();
    }

    /**
     * Streams the content of {@code cid}; the read that reaches its end fails with a
     * {@link org.datagora.storage.cid.CidMismatchException} when the bytes do not match the CID.
     */
    @Override
    public InputStream get(String cid) throws IOException {
        Cid expected = Cid.parse(cid);
        try {
            return new CidVerifyingInputStream(client.cat(cid), expected);
        } catch (IpfsContentNotFoundException e) {
            throw new ContentNotFoundException(cid, e.getMessage(), e);
        }
    }

    /**
     * Fetches the blocks that hold the range one by one with block/get, each checked against its CID, so
     * a range is as trustworthy as a whole read (which cat could not give: a range cannot be hashed).
     */
    @Override
    public InputStream get(String cid, long offset, long length) throws IOException {
        Cid root = Cid.parse(cid);
        BlockSource verified = block -> {
            byte[] bytes;
            try {
                bytes = client.blockGet(block.toString());
            } catch (IpfsContentNotFoundException e) {
                throw new ContentNotFoundException(cid, e.getMessage(), e);
            }
            if (!BlockDirectory.matches(block, bytes)) {
                throw new IOException("The IPFS node sent block " + block + " with bytes that do not match it;"
                        + " it was not used.");
            }
            return bytes;
        };
        // Fetch the root now, so a missing CID fails here rather than at the first read.
        byte[] rootBlock = verified.block(root);
        return new DagInputStream(block -> block.equals(root) ? rootBlock : verified.block(block), root, offset, length);
    }

    @Override
    public boolean has(String cid) throws IOException {
        return client.hasBlock(cid, PRESENCE_WAIT);
    }

    @Override
    public void pin(String cid) throws IOException {
        client.pinAdd(cid);
    }

    @Override
    public void unpin(String cid) throws IOException {
        client.pinRm(cid);
    }

    @Override
    public void exportCar(String cid, OutputStream out) throws IOException {
        try (InputStream car = client.dagExport(cid)) {
            car.transferTo(out);
        } catch (IpfsContentNotFoundException e) {
            throw new ContentNotFoundException(cid, e.getMessage(), e);
        }
    }

    /** Checks the whole CAR first (spooled to a temporary file, so memory stays flat), then imports it. */
    @Override
    public List<String> importCar(InputStream car) throws IOException {
        Path spool = Files.createTempFile("datagora-import", ".car");
        try {
            Files.copy(car, spool, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (InputStream in = Files.newInputStream(spool)) {
                CarReader reader = new CarReader(in);
                Optional<CarReader.Block> block;
                do {
                    block = reader.next();
                } while (block.isPresent());
            }
            try (InputStream in = Files.newInputStream(spool)) {
                return client.dagImport(in);
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }
}
