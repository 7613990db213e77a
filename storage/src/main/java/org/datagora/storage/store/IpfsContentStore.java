package org.datagora.storage.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.LongConsumer;
import org.datagora.storage.ipfs.IpfsClient;

/** A {@link ContentStore} on an IPFS node, through its RPC API. */
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

    @Override
    public InputStream get(String cid) throws IOException {
        return client.cat(cid);
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
        }
    }

    @Override
    public List<String> importCar(InputStream car) throws IOException {
        return client.dagImport(car);
    }
}
