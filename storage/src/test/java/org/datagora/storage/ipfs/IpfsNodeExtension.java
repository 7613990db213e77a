package org.datagora.storage.ipfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class one real js-ipfs node, started before its first test in a temporary repository and
 * stopped (repository deleted) after its last; injects {@link IpfsNode} and {@link IpfsClient} parameters
 * into constructors, lifecycle methods and tests. Use with {@code @ExtendWith(IpfsNodeExtension.class)}.
 */
public final class IpfsNodeExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(IpfsNodeExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == IpfsNode.class || type == IpfsClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningNode running = running(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == IpfsNode.class) {
            return running.node;
        }
        if (type == IpfsClient.class) {
            return running.client;
        }
        throw new ParameterResolutionException("Cannot inject " + type);
    }

    private static RunningNode running(ExtensionContext context) {
        // One node per test class: stored on the class's context, closed when the class is done.
        ExtensionContext classContext = context.getTestClass().isPresent() ? classContext(context) : context;
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(RunningNode.class,
                key -> RunningNode.start(), RunningNode.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /** A node and its repository, cleaned up by JUnit when the class's store closes. */
    private static final class RunningNode implements AutoCloseable {
        private final Path repo;
        private final IpfsNode node;
        private final IpfsClient client;

        private RunningNode(Path repo, IpfsNode node) {
            this.repo = repo;
            this.node = node;
            this.client = node.client();
        }

        static RunningNode start() {
            try {
                Path repo = Files.createTempDirectory("datagora-ipfs-test");
                return new RunningNode(repo, IpfsNode.start(repo));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a repository for the test IPFS node", e);
            }
        }

        @Override
        public void close() throws IOException {
            node.close();
            try (Stream<Path> walk = Files.walk(repo)) {
                for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(each);
                }
            }
        }
    }
}
