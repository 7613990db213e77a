package org.datagora.app.market;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The on-disk record of one publish: a small JSON file replaced atomically (written beside, synced,
 * renamed) after every step, holding what each finished step produced. After a crash it says exactly
 * where the publish stood, so it resumes or rolls back; it never holds the dataset key (that lives in the
 * encrypted vault under {@link #keyRef()}).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class PublishJournal {

    /** How far a publish got; each stage means everything before it is done and recorded. */
    public enum Stage { CREATED, KEY_SAVED, ENCRYPTED, CONTENT_ADDED, METADATA_ADDED, LIST_SENT, CONFIRMED, LISTED }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUFFIX = ".publish.json";

    private transient Path file;

    String id;
    Stage stage = Stage.CREATED;
    long chainId;
    String marketplace;
    String seller;
    // The request.
    String source;
    String title;
    String description;
    List<String> tags = new ArrayList<>();
    String license;
    String price;
    String preview;
    List<PublishRequest.ContributorShare> contributors = new ArrayList<>();
    long deliveryWindowSeconds;
    // What the steps produced.
    String keyCommitment;
    List<DatasetMetadata.FileEntry> files = new ArrayList<>();
    String contentCid;
    long contentSize;
    String previewCid;
    String metadataCid;
    SignedTransaction listTx;
    Long listingId;
    Long listedBlock;
    Long listedTime;
    String lastError;

    PublishJournal() {
    }

    static PublishJournal create(Path directory, String id, MarketChain chain, String seller, PublishRequest request) {
        PublishJournal journal = new PublishJournal();
        journal.file = directory.resolve(id + SUFFIX);
        journal.id = id;
        journal.chainId = chain.chainId();
        journal.marketplace = chain.addresses().marketplace();
        journal.seller = seller;
        journal.source = request.source().toAbsolutePath().toString();
        journal.title = request.title();
        journal.description = request.description();
        journal.tags = new ArrayList<>(request.tags());
        journal.license = Licenses.canonical(request.license());
        journal.price = request.price().toString();
        journal.preview = request.preview().map(p -> p.toAbsolutePath().toString()).orElse(null);
        journal.contributors = new ArrayList<>(request.contributors());
        journal.deliveryWindowSeconds = request.deliveryWindow().toSeconds();
        return journal;
    }

    /** Reads the journal of publish {@code id} in {@code directory}. */
    static PublishJournal load(Path directory, String id) {
        Path file = directory.resolve(id + SUFFIX);
        if (!Files.exists(file)) {
            throw new MarketException("There is no unfinished publish with id " + id + ".");
        }
        try {
            PublishJournal journal = JSON.readValue(file.toFile(), PublishJournal.class);
            journal.file = file;
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the publish journal " + file, e);
        }
    }

    /** Every journal in {@code directory}: the publishes not yet listed or rolled back. */
    static List<PublishJournal> all(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted()
                    .map(f -> load(directory, f.getFileName().toString().replace(SUFFIX, ""))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the publish journals in " + directory, e);
        }
    }

    /** Writes the journal atomically: a crash leaves either the old or the new file, never half of one. */
    void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                JSON.writerWithDefaultPrettyPrinter().writeValue(out, this);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the publish journal " + file, e);
        }
    }

    void advance(Stage next) {
        stage = next;
        lastError = null;
        save();
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(ciphertextFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the publish journal " + file, e);
        }
    }

    /** Where the encrypted container waits between encryption and the listing. */
    Path ciphertextFile() {
        return file.resolveSibling(id + ".dgds");
    }

    /** The vault reference of the dataset key while the publish runs. */
    String keyRef() {
        return "publish:" + id;
    }

    PublishRequest request() {
        return new PublishRequest(Path.of(source), title, description, tags, license, new BigInteger(price),
                Optional.ofNullable(preview).map(Path::of), contributors, Duration.ofSeconds(deliveryWindowSeconds));
    }

    public String id() {
        return id;
    }

    public Stage stage() {
        return stage;
    }

    public String title() {
        return title;
    }

    public Optional<Long> listingId() {
        return Optional.ofNullable(listingId);
    }

    /** The sentence of the failure that stopped the publish last, if any. */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** Whether the list transaction was sent, after which the publish can only be completed, not undone. */
    public boolean listTransactionSent() {
        return listTx != null;
    }
}
