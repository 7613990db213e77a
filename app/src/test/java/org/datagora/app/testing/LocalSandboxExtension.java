package org.datagora.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.datagora.app.sandbox.LocalSandbox;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class one running local sandbox (a real anvil and a real IPFS node on free ports, the
 * contracts deployed) in a scratch directory, and stops it after the class's last test.
 */
public final class LocalSandboxExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalSandboxExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext classContext = context.getRoot().equals(context) ? context
                : context.getTestClass().isPresent() && context.getParent().isPresent()
                && context.getTestMethod().isPresent() ? context.getParent().get() : context;
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent("sandbox", key -> new RunningSandbox(), RunningSandbox.class).sandbox;
    }

    /** A sandbox in a scratch directory, stopped and deleted when the test class is done. */
    private static final class RunningSandbox implements ExtensionContext.Store.CloseableResource {
        private final Path directory;
        private final LocalSandbox sandbox;

        RunningSandbox() {
            try {
                directory = Files.createTempDirectory("datagora-sandbox-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sandbox = LocalSandbox.start(directory, step -> { });
        }

        @Override
        public void close() throws IOException {
            sandbox.close();
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
