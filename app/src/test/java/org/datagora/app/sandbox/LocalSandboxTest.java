package org.datagora.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSandboxTest {

    @Test
    void embeddedModeKeepsContentInTheSandboxWithoutAnIpfsProcess(@TempDir Path dir) throws Exception {
        try (LocalSandbox sandbox = LocalSandbox.start(dir, ContentStoreMode.EMBEDDED, step -> { })) {
            assertThat(sandbox.ipfsNode()).isEmpty();
            assertThat(Files.exists(dir.resolve("pids").resolve(LocalSandbox.IPFS + ".pid"))).isFalse();
            String cid = sandbox.contentStore().put(
                    new ByteArrayInputStream("hello world\n".getBytes(StandardCharsets.UTF_8)), bytes -> { });
            assertThat(cid).isEqualTo("bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4");
            try (var in = sandbox.contentStore().get(cid)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello world\n");
            }
            assertThat(sandbox.tokenBalance(sandbox.faucetAccount().getAddress()))
                    .isEqualTo(SandboxDeployment.STARTING_TOKENS);
        }
    }

    @Test
    void aSecondStartOfTheSameSandboxSaysItIsInUse(@TempDir Path dir) {
        try (LocalSandbox first = LocalSandbox.start(dir, ContentStoreMode.EMBEDDED, step -> { })) {
            assertThatThrownBy(() -> LocalSandbox.start(dir, ContentStoreMode.EMBEDDED, step -> { }))
                    .isInstanceOf(SandboxInUseException.class)
                    .hasMessageContaining("already running the local sandbox");
            assertThat(LocalSandbox.runningElsewhere(dir)).hasValueSatisfying(
                    endpoints -> assertThat(endpoints.rpcUrl()).isEqualTo(first.rpcUrl()));
        }
        assertThat(LocalSandbox.runningElsewhere(dir)).isEmpty();
    }
}
