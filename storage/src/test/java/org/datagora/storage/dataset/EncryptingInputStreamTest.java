package org.datagora.storage.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.datagora.storage.crypto.DatasetKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptingInputStreamTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "encrypt-test"));
    private final DatasetKey key = DatasetKey.generate(new SecureRandom());

    @TempDir
    Path tmp;

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void theStreamedContainerDecryptsToTheSource() throws Exception {
        long size = 5L * (1 << 20) + 3;
        DatasetSource source = DatasetSource.ofStream("data.bin", size, () -> new GeneratedData(size, 3));
        DatasetManifest read;
        EncryptingInputStream container = EncryptingInputStream.start(new DatasetEncryptor(), source, key, executor);
        try (InputStream in = container) {
            read = new DatasetDecryptor().decrypt(in, key, tmp);
        }
        assertThat(container.manifest().get()).isEqualTo(read);
        assertThat(DatasetRoundTripTest.sha256(tmp.resolve("data.bin"))).isEqualTo(GeneratedData.sha256(size, 3));
    }

    @Test
    void aFailedEncryptionNeverEndsLikeACompleteContainer() throws IOException {
        DatasetSource shrinking = DatasetSource.ofStream("log.txt", 3 << 20, () -> new ByteArrayInputStream(new byte[1 << 20]));
        try (InputStream in = EncryptingInputStream.start(new DatasetEncryptor(), shrinking, key, executor)) {
            assertThatThrownBy(in::readAllBytes)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("log.txt changed while it was being encrypted");
        }
    }
}
