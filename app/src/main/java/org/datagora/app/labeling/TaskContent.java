package org.datagora.app.labeling;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Objects;
import org.datagora.storage.cid.Cid;
import org.datagora.storage.crypto.DatasetKey;
import org.datagora.storage.crypto.DatasetStreamCipher;
import org.datagora.storage.crypto.KeyCommitment;
import org.datagora.storage.store.ContentStore;

/**
 * Reads and writes a task's files on the content store: the public manifest and schema, the items
 * encrypted with the task key, and labelers' labels files encrypted with the same key. Each encrypted
 * file is bound to its role by the cipher's associated data, so one cannot be passed off as another.
 */
public final class TaskContent {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final byte[] ITEMS_AD = "datagora/v1/task-items".getBytes(StandardCharsets.US_ASCII);

    private final ContentStore store;

    public TaskContent(ContentStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** What {@link #publish} stored. */
    public record Published(String manifestCid, String schemaCid, TaskManifest manifest) {
    }

    /** Encrypts the items with {@code key} and stores them, the manifest and the schema. */
    public Published publish(TaskSpec spec, DatasetKey key) {
        try {
            String itemsCid = store.put(new ByteArrayInputStream(encrypt(JSON.writeValueAsBytes(spec.items()), key,
                    ITEMS_AD)), n -> { });
            TaskManifest manifest = new TaskManifest(1, spec.title(), spec.items().size(),
                    spec.items().get(0).isImage(), itemsCid, KeyCommitment.of(key).toHex());
            String manifestCid = putJson(manifest);
            String schemaCid = putJson(spec.schema());
            return new Published(manifestCid, schemaCid, manifest);
        } catch (IOException e) {
            throw new LabelingException("The task's files could not be stored: " + e.getMessage(), e);
        }
    }

    /** The manifest at {@code cid}. */
    public TaskManifest manifest(String cid) {
        return readJson(cid, TaskManifest.class, "task manifest");
    }

    /** The schema at {@code cid}. */
    public LabelSchema schema(String cid) {
        return readJson(cid, LabelSchema.class, "label schema");
    }

    /** The items, decrypted with {@code key}; fails clearly when the key is not the task's. */
    public List<TaskItem> items(TaskManifest manifest, DatasetKey key) {
        if (!KeyCommitment.fromHex(manifest.keyCommitment()).matches(key)) {
            throw new LabelingException("The task key does not match the key the task was created with");
        }
        byte[] plain = decrypt(read(manifest.itemsCid(), "items"), key, ITEMS_AD, "items");
        try {
            return JSON.readValue(plain, new TypeReference<List<TaskItem>>() { });
        } catch (IOException e) {
            throw new LabelingException("The task's items file is not readable: " + e.getMessage(), e);
        }
    }

    /** Stores a labels file encrypted with the task key; returns its CID. */
    public String putLabels(LabelsFile labels, DatasetKey key) {
        try {
            return store.put(new ByteArrayInputStream(encrypt(JSON.writeValueAsBytes(labels), key,
                    labelsAd(labels.claimId()))), n -> { });
        } catch (IOException e) {
            throw new LabelingException("The labels could not be stored: " + e.getMessage(), e);
        }
    }

    /** The labels file of {@code claimId} at {@code cid}, decrypted with the task key. */
    public LabelsFile labels(String cid, long claimId, DatasetKey key) {
        byte[] plain = decrypt(read(cid, "labels"), key, labelsAd(claimId), "labels of claim " + claimId);
        try {
            LabelsFile file = JSON.readValue(plain, LabelsFile.class);
            if (file.claimId() != claimId) {
                throw new LabelingException("The labels file at " + cid + " belongs to claim " + file.claimId()
                        + ", not " + claimId);
            }
            return file;
        } catch (IOException e) {
            throw new LabelingException("The labels file of claim " + claimId + " is not readable", e);
        }
    }

    /** The CID the chain refers to by (codec, sha2-256 digest). */
    public static String cid(long codec, byte[] digest) {
        return Cid.v1((int) codec, digest).toString();
    }

    /** The (codec, digest) pair the chain stores for {@code cid}. */
    public static Cid parse(String cid) {
        return Cid.parse(cid).toV1();
    }

    private String putJson(Object value) throws IOException {
        return store.put(new ByteArrayInputStream(JSON.writeValueAsBytes(value)), n -> { });
    }

    private <T> T readJson(String cid, Class<T> type, String what) {
        try {
            return JSON.readValue(read(cid, what), type);
        } catch (IOException e) {
            throw new LabelingException("The " + what + " at " + cid + " is not readable: " + e.getMessage(), e);
        }
    }

    private byte[] read(String cid, String what) {
        try (InputStream in = store.get(cid)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new LabelingException("The " + what + " file " + cid + " could not be fetched: " + e.getMessage(), e);
        }
    }

    private static byte[] labelsAd(long claimId) {
        return ("datagora/v1/task-labels/" + claimId).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] encrypt(byte[] plain, DatasetKey key, byte[] ad) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length + 64);
        try (OutputStream encrypting = new DatasetStreamCipher(key).encrypting(out, ad)) {
            encrypting.write(plain);
        }
        return out.toByteArray();
    }

    private static byte[] decrypt(byte[] cipher, DatasetKey key, byte[] ad, String what) {
        try (InputStream in = new DatasetStreamCipher(key).decrypting(new ByteArrayInputStream(cipher), ad)) {
            return in.readAllBytes();
        } catch (IOException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof GeneralSecurityException ? "it was altered or the key is wrong" : e.getMessage();
            throw new LabelingException("The " + what + " could not be decrypted: " + why, e);
        }
    }
}
