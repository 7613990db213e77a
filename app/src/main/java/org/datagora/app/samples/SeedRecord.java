package org.datagora.app.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the seeding has done so far, kept as {@code samples.json} in the sandbox directory: each step is
 * written as soon as it is done, so a seeding stopped halfway continues where it stopped and never
 * publishes a listing twice, and a finished one is never repeated.
 */
public final class SeedRecord {

    static final String FILE = "samples.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Listing key to on-chain listing id, for the listings published so far. */
    public Map<String, Long> listings = new LinkedHashMap<>();
    /** The labeling task's id, once created. */
    public BigInteger taskId;
    /** Whether the seller and requester were given their DGT. */
    public boolean funded;
    /** Whether every step is done. */
    public boolean complete;

    /** The record kept in {@code sandboxDirectory}, or an empty one when nothing was seeded. */
    static SeedRecord read(Path sandboxDirectory) {
        Path file = sandboxDirectory.resolve(FILE);
        if (!Files.exists(file)) {
            return new SeedRecord();
        }
        try {
            return JSON.readValue(file.toFile(), SeedRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + "; delete it to seed the sandbox again", e);
        }
    }

    /** Writes the record atomically, so a crash leaves the previous one or this one, never half of it. */
    void write(Path sandboxDirectory) {
        Path file = sandboxDirectory.resolve(FILE);
        Path temp = sandboxDirectory.resolve(FILE + ".tmp");
        try {
            JSON.writeValue(temp.toFile(), this);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
