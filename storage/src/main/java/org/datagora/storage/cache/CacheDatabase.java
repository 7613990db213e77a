package org.datagora.storage.cache;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The local H2 cache: one embedded database file in a directory the caller chooses, migrated by Flyway
 * and read through Jdbi. With a password the file is encrypted (H2 CIPHER=AES) under a key stretched
 * from it with scrypt; the salt sits beside the file in {@value #SALT_FILE}.
 */
public final class CacheDatabase implements AutoCloseable {
    static final String DB_NAME = "cache";
    static final String SALT_FILE = "cache.salt";
    private static final String USER = "datagora";
    private static final int MAX_CONNECTIONS = 8;

    private final Path directory;
    private final JdbcConnectionPool pool;
    private final Jdbi jdbi;

    private CacheDatabase(Path directory, JdbcConnectionPool pool) {
        this.directory = directory;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
        jdbi.registerArgument(new BigIntegerArgumentFactory());
        jdbi.registerColumnMapper(BigInteger.class, (rs, column, ctx) -> {
            BigDecimal value = rs.getBigDecimal(column);
            return value == null ? null : value.toBigIntegerExact();
        });
    }

    /**
     * Opens (creating if needed) the cache in {@code dir} and brings its schema up to date. With a password
     * the file is encrypted; the password is wiped from the array given once the file is open.
     *
     * @throws WrongPasswordException if the password does not open the file, or a password is missing
     *     for an encrypted file, or given for a plain one
     * @throws CacheException if the file is in use by another program or cannot be created
     */
    public static CacheDatabase open(Path dir, Optional<char[]> password) {
        Path directory = checkedDirectory(dir);
        String url = "jdbc:h2:file:" + directory.resolve(DB_NAME) + (password.isPresent() ? ";CIPHER=AES" : "");
        String h2Password = password.map(p -> h2Password(directory, p)).orElse("");
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, USER, h2Password);
        pool.setMaxConnections(MAX_CONNECTIONS);
        try {
            pool.getConnection().close();
        } catch (SQLException e) {
            pool.dispose();
            throw translate(e, directory, password.isPresent());
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (FlywayException e) {
            pool.dispose();
            throw new CacheException("The cache in " + directory + " could not be brought up to date: "
                    + e.getMessage(), e);
        }
        return new CacheDatabase(directory, pool);
    }

    /** Jdbi over the cache, for the DAOs and for transactions spanning several of them. */
    public Jdbi jdbi() {
        return jdbi;
    }

    public Path directory() {
        return directory;
    }

    /** The DAO of the given type, each call on a connection of its own. */
    public <T> T dao(Class<T> type) {
        return jdbi.onDemand(type);
    }

    @Override
    public void close() {
        pool.dispose();
    }

    /**
     * Checks a path before it goes into a JDBC URL: H2 reads ';' as the start of settings, so a path
     * holding one could switch settings on (e.g. turn off the cipher).
     */
    static Path checkedDirectory(Path dir) {
        Path directory = dir.toAbsolutePath().normalize();
        String text = directory.toString();
        for (char c : text.toCharArray()) {
            if (c == ';' || c == '\\' || c == '"' || c == '\'' || Character.isISOControl(c)) {
                throw new CacheException("The cache folder " + text + " cannot be used: its path contains '"
                        + (Character.isISOControl(c) ? "a control character" : String.valueOf(c))
                        + "'. Choose a folder whose path has none.");
            }
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new CacheException("The cache folder " + text + " cannot be created: " + e.getMessage(), e);
        }
        return directory;
    }

    /**
     * H2 wants "filePassword userPassword" with no space inside the file password and stretches it only
     * lightly, so both are the hex of an scrypt key; the salt is not secret and lives beside the file.
     */
    private static String h2Password(Path directory, char[] password) {
        byte[] key = PasswordKdf.derive(password, salt(directory), PasswordKdf.Params.DEFAULT);
        try {
            String hex = HexFormat.of().formatHex(key);
            return hex + " " + hex;
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(password, '\0');
        }
    }

    private static byte[] salt(Path directory) {
        Path file = directory.resolve(SALT_FILE);
        try {
            if (Files.exists(file)) {
                byte[] salt = Files.readAllBytes(file);
                if (salt.length != 16) {
                    throw new CacheException("The cache salt file " + file + " is damaged (" + salt.length
                            + " bytes instead of 16); the encrypted cache cannot be opened without it.");
                }
                return salt;
            }
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            Files.write(file, salt);
            return salt;
        } catch (IOException e) {
            throw new CacheException("The cache salt file " + file + " cannot be read or written: "
                    + e.getMessage(), e);
        }
    }

    private static CacheException translate(SQLException e, Path directory, boolean withPassword) {
        switch (e.getErrorCode()) {
            case ErrorCode.WRONG_USER_OR_PASSWORD:
            case ErrorCode.FILE_ENCRYPTION_ERROR_1:
                return new WrongPasswordException(withPassword
                        ? "The password does not open the cache in " + directory + "."
                        : "The cache in " + directory + " is encrypted: a password is needed to open it.", e);
            case ErrorCode.FILE_CORRUPTED_1:
                return new WrongPasswordException(withPassword
                        ? "The cache in " + directory + " is not encrypted, or is damaged: it cannot be"
                                + " opened with a password."
                        : "The cache in " + directory + " is encrypted, or is damaged: it cannot be opened"
                                + " without its password.", e);
            case ErrorCode.DATABASE_ALREADY_OPEN_1:
                return new CacheException("The cache in " + directory + " is in use by another program"
                        + " (is Datagora already running?).", e);
            default:
                return new CacheException("The cache in " + directory + " cannot be opened: "
                        + e.getMessage(), e);
        }
    }

    /** Binds BigInteger amounts (wei, token units) as NUMERIC, which H2 stores exactly. */
    private static final class BigIntegerArgumentFactory extends AbstractArgumentFactory<BigInteger> {
        BigIntegerArgumentFactory() {
            super(Types.NUMERIC);
        }

        @Override
        protected Argument build(BigInteger value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setBigDecimal(position, new BigDecimal(value));
        }
    }
}
