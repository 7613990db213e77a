package org.datagora.storage.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void keepsRowsAcrossReopen() {
        try (CacheDatabase db = CacheDatabase.open(dir, Optional.empty())) {
            insertListing(db, 1, "UniqueMarkerTitle");
        }
        try (CacheDatabase db = CacheDatabase.open(dir, Optional.empty())) {
            assertThat(db.dao(ListingDao.class).find(1)).get().extracting(Listing::seller).isEqualTo("0xabc");
        }
    }

    @Test
    void encryptsTheFileWhenAPasswordIsSet() throws IOException {
        try (CacheDatabase db = CacheDatabase.open(dir, Optional.of("correct horse".toCharArray()))) {
            insertListing(db, 7, "UniqueMarkerTitle");
        }
        assertThat(fileContains("UniqueMarkerTitle")).isFalse();
        try (CacheDatabase db = CacheDatabase.open(dir, Optional.of("correct horse".toCharArray()))) {
            assertThat(db.dao(ListingDao.class).find(7)).get().extracting(Listing::title).isEqualTo("UniqueMarkerTitle");
        }
    }

    @Test
    void plainFileHoldsTheTextSoTheEncryptionCheckAboveMeansSomething() throws IOException {
        try (CacheDatabase db = CacheDatabase.open(dir, Optional.empty())) {
            insertListing(db, 7, "UniqueMarkerTitle");
        }
        assertThat(fileContains("UniqueMarkerTitle")).isTrue();
    }

    @Test
    void wrongOrMissingPasswordIsRefusedWithAClearMessage() {
        try (CacheDatabase db = CacheDatabase.open(dir, Optional.of("right".toCharArray()))) {
            insertListing(db, 1, "t");
        }
        assertThatThrownBy(() -> CacheDatabase.open(dir, Optional.of("wrong".toCharArray())))
                .isInstanceOf(WrongPasswordException.class)
                .hasMessageContaining("password does not open the cache");
        assertThatThrownBy(() -> CacheDatabase.open(dir, Optional.empty()))
                .isInstanceOf(WrongPasswordException.class)
                .hasMessageContaining("password");
        try (CacheDatabase db = CacheDatabase.open(dir, Optional.of("right".toCharArray()))) {
            assertThat(db.dao(ListingDao.class).count()).isEqualTo(1);
        }
    }

    @Test
    void rejectsPathsThatWouldInjectJdbcSettings() {
        assertThatThrownBy(() -> CacheDatabase.open(dir.resolve("x;CIPHER=NONE"), Optional.empty()))
                .isInstanceOf(CacheException.class)
                .hasMessageContaining("';'");
        assertThat(dir.resolve("x;CIPHER=NONE")).doesNotExist();
    }

    private boolean fileContains(String marker) throws IOException {
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".db")).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                if (content.contains(new String(needle, StandardCharsets.ISO_8859_1))) {
                    return true;
                }
            }
        }
        return false;
    }

    static void insertListing(CacheDatabase db, long id, String title) {
        db.jdbi().useTransaction(h -> {
            h.attach(ListingDao.class).insert(id, "0xabc", "bafycontent" + id, "bafymeta" + id, "0x" + "11".repeat(32),
                    BigInteger.TEN, "CC-BY-4.0", 1, null, 5, 1_700_000_000L);
            ListingSearch.index(h, id, new ListingMetadata(title, "a description", java.util.List.of("tag")));
        });
    }
}
