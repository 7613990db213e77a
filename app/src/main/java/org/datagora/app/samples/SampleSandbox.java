package org.datagora.app.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.datagora.app.market.PublishListener;
import org.datagora.app.market.PublishResult;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.contracts.generated.DatagoraToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sample data for the local sandbox: seeds it once with real listings and a labeling task, and while the
 * sandbox runs lets the sample seller's app deliver keys to buyers and the sample requester's app send
 * task keys to labelers, so a new user can buy and label at once.
 */
public final class SampleSandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SampleSandbox.class);
    /** DGT each persona gets from the faucet account: enough for gas-free escrow of the task and more. */
    static final BigInteger PERSONA_FUNDS = SampleData.DGT.multiply(BigInteger.valueOf(1_000));

    private final LocalSandbox sandbox;
    private final ScheduledExecutorService scheduler;
    private final Duration period;
    private final Path folder;
    private SamplePersonas personas;
    private ScheduledFuture<?> keyDesk;

    /**
     * @param scheduler runs the personas' background work
     * @param period    how often the personas look for purchases and claims to serve
     */
    public SampleSandbox(LocalSandbox sandbox, ScheduledExecutorService scheduler, Duration period) {
        this.sandbox = sandbox;
        this.scheduler = scheduler;
        this.period = period;
        this.folder = sandbox.directory().resolve("samples");
        if (isSeeded()) {
            try {
                startServing();
            } catch (RuntimeException e) {
                // Tests attach one sandbox to several windows; the first one serves the samples.
                LOG.warn("The sample seller and requester are not served from this window: {}", e.getMessage());
            }
        }
    }

    /** Whether the sandbox holds the sample data already (then it is never seeded again). */
    public boolean isSeeded() {
        return SeedRecord.read(sandbox.directory()).complete;
    }

    /** What the seeding published and created. */
    public SeedRecord record() {
        return SeedRecord.read(sandbox.directory());
    }

    /** A step of the seeding for a progress bar: what happens now, and how far along (0 to 1). */
    public interface Progress {
        void step(String message, double fraction);
    }

    /**
     * Publishes the sample listings and creates the labeling task, continuing a seeding that stopped
     * halfway; does nothing when the sandbox was seeded. Blocks: call it off the UI thread.
     */
    public synchronized SeedRecord seed(Progress progress) {
        SeedRecord record = SeedRecord.read(sandbox.directory());
        if (record.complete) {
            return record;
        }
        SamplePersonas open = personas();
        try {
            SampleData data = SampleData.extractTo(folder);
            List<SampleData.SampleListing> listings = data.listings();
            int steps = listings.size() + 2;
            int done = 0;
            if (!record.funded) {
                progress.step("Giving the sample seller and requester test DGT", 0);
                fund(open.seller().address());
                fund(open.requester().chain().account());
                record.funded = true;
                record.write(sandbox.directory());
            }
            for (SampleData.SampleListing listing : listings) {
                done++;
                if (record.listings.containsKey(listing.key())) {
                    continue;
                }
                progress.step("Publishing “" + listing.request().title() + "”", (double) done / steps);
                PublishResult published = open.seller().newPublishWorkflow().publish(listing.request(), PublishListener.NONE);
                record.listings.put(listing.key(), published.listingId());
                record.write(sandbox.directory());
            }
            done++;
            if (record.taskId == null) {
                progress.step("Creating the spam labeling task", (double) done / steps);
                record.taskId = open.requester().requester().create(data.spamTask()).taskId();
                record.write(sandbox.directory());
            }
            record.complete = true;
            record.write(sandbox.directory());
            progress.step("The sample data is in the marketplace", 1);
            LOG.info("Seeded the sandbox: listings {}, labeling task {}", record.listings, record.taskId);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sample data", e);
        }
        startServing();
        return record;
    }

    /** The personas' sessions, opened on first use. */
    synchronized SamplePersonas personas() {
        if (personas == null) {
            personas = SamplePersonas.open(sandbox, folder);
        }
        return personas;
    }

    private void fund(String account) {
        try {
            DatagoraToken.load(sandbox.addresses().token(), sandbox.chain().web3j(),
                    sandbox.chain().transactionManager(sandbox.faucetAccount()), sandbox.chain().gasProvider())
                    .mint(account, PERSONA_FUNDS).send();
        } catch (Exception e) {
            throw new IllegalStateException("Could not give " + account + " test DGT from the faucet: " + e.getMessage(), e);
        }
    }

    /** Starts the seller's key delivery (and chain sync) and the requester's task-key desk. */
    private synchronized void startServing() {
        if (keyDesk != null) {
            return;
        }
        SamplePersonas open = personas();
        open.seller().startBackgroundWork(scheduler, period);
        keyDesk = scheduler.scheduleWithFixedDelay(() -> {
            try {
                open.requester().keyDesk().deliverDue();
            } catch (RuntimeException e) {
                LOG.warn("The sample requester could not send task keys; will try again: {}", e.getMessage());
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The sandbox's directory for the sample data and the personas' caches. */
    public Path folder() {
        return folder;
    }

    /** The running personas, if the sandbox was seeded or is being seeded. */
    public synchronized Optional<SamplePersonas> runningPersonas() {
        return Optional.ofNullable(personas);
    }

    /** Stops the personas' background work and closes their caches. */
    @Override
    public synchronized void close() {
        if (keyDesk != null) {
            keyDesk.cancel(false);
            keyDesk = null;
        }
        if (personas != null) {
            personas.close();
            personas = null;
        }
    }
}
