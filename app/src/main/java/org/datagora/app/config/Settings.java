package org.datagora.app.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the user chose in Settings, kept in {@code settings.json} in the data directory.
 *
 * @param network the chain the app talks to
 * @param contentStore where datasets' encrypted content goes
 * @param theme the look
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(Network network, ContentStore contentStore, ThemeChoice theme) {

    /** The settings of a first start: the local sandbox, the embedded content store, the light theme. */
    public static Settings defaults() {
        return new Settings(Network.localSandbox(), ContentStore.embedded(), ThemeChoice.LIGHT);
    }

    public Settings {
        network = network == null ? Network.localSandbox() : network;
        contentStore = contentStore == null ? ContentStore.embedded() : contentStore;
        theme = theme == null ? ThemeChoice.LIGHT : theme;
    }

    /** A copy with another network. */
    public Settings withNetwork(Network value) {
        return new Settings(value, contentStore, theme);
    }

    /** A copy with another content store. */
    public Settings withContentStore(ContentStore value) {
        return new Settings(network, value, theme);
    }

    /** A copy with another theme. */
    public Settings withTheme(ThemeChoice value) {
        return new Settings(network, contentStore, value);
    }

    /** Which chain the app uses. */
    public enum NetworkKind { LOCAL_SANDBOX, JSON_RPC }

    /** Which content store the app uses. */
    public enum ContentStoreKind { EMBEDDED, KUBO }

    /** The two looks (the UI maps them to its themes). */
    public enum ThemeChoice { LIGHT, DARK }

    /**
     * The chain.
     *
     * @param kind the local sandbox or a JSON-RPC endpoint
     * @param rpcUrl the endpoint, for {@link NetworkKind#JSON_RPC}
     * @param chainId the chain id the endpoint must report, for {@link NetworkKind#JSON_RPC}
     * @param networksFile the JSON file with the contracts' addresses on that chain, for {@link NetworkKind#JSON_RPC}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Network(NetworkKind kind, String rpcUrl, Long chainId, String networksFile) {

        public Network {
            kind = kind == null ? NetworkKind.LOCAL_SANDBOX : kind;
        }

        /** The built-in local network. */
        public static Network localSandbox() {
            return new Network(NetworkKind.LOCAL_SANDBOX, null, null, null);
        }
    }

    /**
     * The content store.
     *
     * @param kind the embedded node or a Kubo RPC API
     * @param kuboUrl the Kubo RPC API, for {@link ContentStoreKind#KUBO}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContentStore(ContentStoreKind kind, String kuboUrl) {

        public ContentStore {
            kind = kind == null ? ContentStoreKind.EMBEDDED : kind;
        }

        /** The node the app runs itself. */
        public static ContentStore embedded() {
            return new ContentStore(ContentStoreKind.EMBEDDED, null);
        }
    }
}
