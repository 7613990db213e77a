package org.datagora.app.wallet;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.crypto.WalletUtils;
import org.web3j.crypto.exception.CipherException;
import org.web3j.utils.Numeric;

/**
 * The user's wallets: creates one from a new BIP-39 phrase or imports one (keystore V3 JSON, private
 * key, BIP-39 phrase), keeps each only as a keystore V3 file encrypted with the user's password, and
 * holds the unlocked wallet's keys in memory until {@link #lock()}. Every method that takes a password
 * wipes the array before it returns.
 */
public final class WalletService {

    /** The shortest password the app accepts for a new wallet. */
    public static final int MINIMUM_PASSWORD_LENGTH = 8;

    private static final Logger LOG = LoggerFactory.getLogger(WalletService.class);
    private static final String WRONG_PASSWORD = "The password is wrong. Check Caps Lock and try again.";
    /** m/44'/60'/0'/0/0: the first account of the Ethereum BIP-44 path, as MetaMask and geth derive it. */
    private static final int[] ACCOUNT_PATH = {44 | Bip32ECKeyPair.HARDENED_BIT, 60 | Bip32ECKeyPair.HARDENED_BIT,
            Bip32ECKeyPair.HARDENED_BIT, 0, 0};
    private static final String LAST_USED = "last-used";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss.SSS'Z'");

    private final Path directory;
    private final KeystoreKdf kdf;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final AtomicReference<Credentials> active = new AtomicReference<>();
    private final List<Consumer<Optional<String>>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param directory where the keystore files live (the data directory's wallets folder)
     * @param kdf the scrypt strength for new keystore files; the app always passes {@link KeystoreKdf#STANDARD}
     */
    public WalletService(Path directory, KeystoreKdf kdf) {
        this.directory = directory;
        this.kdf = kdf;
    }

    /** The stored wallets, the last used first. */
    public List<WalletEntry> wallets() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<WalletEntry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                readAddress(file).ifPresent(address -> entries.add(new WalletEntry(address, file)));
            }
        } catch (IOException e) {
            throw new WalletException("Cannot read the wallets in " + directory + ".", e);
        }
        Optional<String> lastUsed = readLastUsed();
        entries.sort(Comparator.comparing(entry -> !lastUsed.map(entry.address()::equalsIgnoreCase).orElse(false)));
        return List.copyOf(entries);
    }

    /** Whether any wallet is stored (on first run there is none and the app shows onboarding). */
    public boolean hasWallets() {
        return !wallets().isEmpty();
    }

    /** Twelve new BIP-39 words from 128 bits of secure randomness; nothing is stored yet. */
    public List<String> generateMnemonic() {
        byte[] entropy = new byte[16];
        random.nextBytes(entropy);
        try {
            return List.of(MnemonicUtils.generateMnemonic(entropy).split(" "));
        } finally {
            Arrays.fill(entropy, (byte) 0);
        }
    }

    /** Creates a wallet from a new phrase, stores it under {@code password} and opens it. */
    public NewWallet create(char[] password) {
        List<String> words = generateMnemonic();
        WalletEntry entry = importMnemonic(String.join(" ", words), password);
        return new NewWallet(entry.address(), words);
    }

    /** Stores the first account (m/44'/60'/0'/0/0) of a BIP-39 phrase under {@code password} and opens it. */
    public WalletEntry importMnemonic(String phrase, char[] password) {
        try {
            String normalized = String.join(" ", phrase.trim().toLowerCase(Locale.ROOT).split("\\s+"));
            if (!isValidMnemonic(normalized)) {
                throw new WalletException("That recovery phrase is not valid. Check that every word is spelled "
                        + "as written down and in the right order (12 or 24 words).");
            }
            byte[] seed = MnemonicUtils.generateSeed(normalized, "");
            try {
                Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(seed);
                return store(Bip32ECKeyPair.deriveKeyPair(master, ACCOUNT_PATH), password);
            } finally {
                Arrays.fill(seed, (byte) 0);
            }
        } finally {
            wipe(password);
        }
    }

    /** Stores a raw private key (64 hex digits, optionally 0x-prefixed) under {@code password} and opens it. */
    public WalletEntry importPrivateKey(String privateKey, char[] password) {
        try {
            String hex = Numeric.cleanHexPrefix(privateKey.trim());
            if (hex.length() != 64 || !WalletUtils.isValidPrivateKey(hex)) {
                throw new WalletException("That is not a private key: expected 64 hexadecimal characters, "
                        + "optionally after 0x.");
            }
            return store(ECKeyPair.create(new BigInteger(hex, 16)), password);
        } finally {
            wipe(password);
        }
    }

    /** Reads a keystore file as geth or MetaMask export it, then stores it as {@link #importKeystore(String, char[], char[])}. */
    public WalletEntry importKeystore(Path keystoreFile, char[] keystorePassword, char[] password) {
        String text;
        try {
            text = Files.readString(keystoreFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            wipe(keystorePassword);
            wipe(password);
            throw new WalletException("Cannot read the keystore file " + keystoreFile + ".", e);
        }
        return importKeystore(text, keystorePassword, password);
    }

    /**
     * Decrypts a keystore V3 JSON with the password it was exported with and stores the key again under
     * the user's {@code password} (they may be the same), then opens it.
     */
    public WalletEntry importKeystore(String keystoreJson, char[] keystorePassword, char[] password) {
        try {
            checkNewPassword(password);
            WalletFile file;
            try {
                file = json.readValue(keystoreJson, WalletFile.class);
            } catch (IOException e) {
                throw new WalletException("That file is not a keystore file (Ethereum keystore V3 JSON, as geth "
                        + "and MetaMask export it).", e);
            }
            ECKeyPair keys;
            try {
                keys = Wallet.decrypt(new String(keystorePassword), file);
            } catch (CipherException e) {
                LOG.warn("Importing a keystore file for {} failed: {}", file.getAddress(), e.getMessage());
                if (String.valueOf(e.getMessage()).contains("password")) {
                    throw new WrongPasswordException("The password is wrong for this keystore file. Use the "
                            + "password it was exported with.");
                }
                throw new WalletException("This keystore file cannot be read: " + e.getMessage() + ".", e);
            }
            return store(keys, password);
        } finally {
            wipe(keystorePassword);
            wipe(password);
        }
    }

    /** Opens the stored wallet of {@code address} with its password. */
    public void unlock(String address, char[] password) {
        try {
            WalletEntry entry = wallets().stream().filter(w -> w.address().equalsIgnoreCase(address)).findFirst()
                    .orElseThrow(() -> new WalletException("There is no wallet " + address + " on this computer."));
            WalletFile file = json.readValue(entry.file().toFile(), WalletFile.class);
            ECKeyPair keys = Wallet.decrypt(new String(password), file);
            activate(Credentials.create(keys));
        } catch (CipherException e) {
            LOG.warn("Unlocking wallet {} failed: {}", address, e.getMessage());
            throw new WrongPasswordException(WRONG_PASSWORD);
        } catch (IOException e) {
            throw new WalletException("Cannot read the wallet file of " + address + ".", e);
        } finally {
            wipe(password);
        }
    }

    /** Forgets the open wallet's keys. */
    public void lock() {
        if (active.getAndSet(null) != null) {
            LOG.info("Wallet locked");
            notifyListeners();
        }
    }

    /** The open wallet's keys, while it is open. */
    public Optional<Credentials> active() {
        return Optional.ofNullable(active.get());
    }

    /** The open wallet's keys, or a clear failure when none is open. */
    public Credentials requireActive() {
        return active().orElseThrow(() -> new WalletException("No wallet is open. Unlock your wallet first."));
    }

    /** The open wallet's checksummed address. */
    public Optional<String> activeAddress() {
        return active().map(c -> Keys.toChecksumAddress(c.getAddress()));
    }

    /** Tells {@code listener} the active address (or none) whenever a wallet opens or locks. */
    public void addListener(Consumer<Optional<String>> listener) {
        listeners.add(listener);
    }

    /** Fails with a clear sentence when {@code password} is too short for a new wallet. */
    public static void checkNewPassword(char[] password) {
        if (password == null || password.length < MINIMUM_PASSWORD_LENGTH) {
            throw new WalletException("Choose a password of at least " + MINIMUM_PASSWORD_LENGTH + " characters.");
        }
    }

    /** Whether {@code phrase} is a BIP-39 phrase with a valid checksum. */
    public static boolean isValidMnemonic(String phrase) {
        int words = phrase.isBlank() ? 0 : phrase.trim().split("\\s+").length;
        if (words != 12 && words != 15 && words != 18 && words != 21 && words != 24) {
            return false;
        }
        try {
            return MnemonicUtils.validateMnemonic(phrase.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        } catch (RuntimeException unknownWord) {
            return false;
        }
    }

    private WalletEntry store(ECKeyPair keys, char[] password) {
        checkNewPassword(password);
        try {
            WalletFile file = Wallet.create(new String(password), keys, kdf.n(), kdf.p());
            String address = Keys.toChecksumAddress(file.getAddress());
            Files.createDirectories(directory);
            deleteExisting(address);
            Path target = directory.resolve("UTC--" + FILE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "--"
                    + Numeric.cleanHexPrefix(address).toLowerCase(Locale.ROOT) + ".json");
            Path temporary = directory.resolve(target.getFileName() + ".tmp");
            Files.writeString(temporary, json.writeValueAsString(file), StandardCharsets.UTF_8);
            restrictToOwner(temporary);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.info("Stored wallet {} in {}", address, target);
            activate(Credentials.create(keys));
            return new WalletEntry(address, target);
        } catch (CipherException e) {
            throw new WalletException("The wallet could not be encrypted: " + e.getMessage() + ".", e);
        } catch (IOException e) {
            throw new WalletException("Cannot write the wallet file in " + directory + ".", e);
        }
    }

    private void activate(Credentials credentials) {
        active.set(credentials);
        String address = Keys.toChecksumAddress(credentials.getAddress());
        writeLastUsed(address);
        LOG.info("Wallet {} unlocked", address);
        notifyListeners();
    }

    private void notifyListeners() {
        Optional<String> address = activeAddress();
        listeners.forEach(listener -> listener.accept(address));
    }

    private void deleteExisting(String address) throws IOException {
        for (WalletEntry entry : wallets()) {
            if (entry.address().equalsIgnoreCase(address)) {
                Files.deleteIfExists(entry.file());
            }
        }
    }

    private Optional<String> readAddress(Path file) {
        try {
            String address = json.readTree(file.toFile()).path("address").asText("");
            return address.isEmpty() ? Optional.empty() : Optional.of(Keys.toChecksumAddress(address));
        } catch (IOException e) {
            LOG.warn("Skipping {}: not a keystore file ({})", file, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<String> readLastUsed() {
        try {
            Path file = directory.resolve(LAST_USED);
            return Files.exists(file) ? Optional.of(Files.readString(file).trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void writeLastUsed(String address) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(LAST_USED), address);
        } catch (IOException e) {
            // Only the order of the wallet list depends on it; the wallet itself is safe.
            LOG.warn("Cannot remember the last used wallet in {}", directory, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the user profile's permissions, which are private already.
        }
    }

    private static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

}
