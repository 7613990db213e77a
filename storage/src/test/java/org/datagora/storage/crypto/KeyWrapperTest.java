package org.datagora.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.hybrid.HpkeParameters;
import com.google.crypto.tink.hybrid.HpkePrivateKey;
import com.google.crypto.tink.hybrid.HpkePublicKey;
import com.google.crypto.tink.hybrid.internal.HpkeDecrypt;
import com.google.crypto.tink.hybrid.internal.HpkeEncrypt;
import com.google.crypto.tink.subtle.Hkdf;
import com.google.crypto.tink.subtle.X25519;
import com.google.crypto.tink.util.Bytes;
import com.google.crypto.tink.util.SecretBytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyWrapperTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] WALLET = HEX.parseHex(
            "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
    private static final String DERIVED_PUBLIC_KEY =
            "4dc152b6c349c8e05b01689515badc5cb45d1ba7a74370601447fba7407c0204";
    private static final KeyDeliveryContext CONTEXT = new KeyDeliveryContext(
            BigInteger.valueOf(42), "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23");

    private final SecureRandom random = new SecureRandom();
    private final KeyWrapper wrapper = new KeyWrapper();

    @Test
    void buyerRecoversTheDatasetKeyFromEightyBytes() throws Exception {
        DatasetKey key = DatasetKey.generate(random);
        BuyerKeyPair buyer = BuyerKeyPair.fromWalletPrivateKey(WALLET);

        WrappedKey wrapped = wrapper.wrap(key, buyer.publicKey(), CONTEXT);

        assertThat(wrapped.toBytes()).hasSize(80);
        assertThat(wrapper.unwrap(WrappedKey.fromBytes(wrapped.toBytes()), buyer, CONTEXT)).isEqualTo(key);
        assertThat(wrapper.unwrap(wrapped, buyer, CONTEXT, KeyCommitment.of(key))).isEqualTo(key);
    }

    @Test
    void sameWalletAlwaysDerivesTheSameKeyPairSoAReinstallRecoversPurchases() throws Exception {
        DatasetKey key = DatasetKey.generate(random);
        WrappedKey wrapped = wrapper.wrap(key, BuyerKeyPair.fromWalletPrivateKey(WALLET).publicKey(), CONTEXT);

        BuyerKeyPair afterReinstall = BuyerKeyPair.fromWalletPrivateKey(new BigInteger(1, WALLET));

        assertThat(wrapper.unwrap(wrapped, afterReinstall, CONTEXT)).isEqualTo(key);
        // Pinned: if this value ever changes, every buyer loses access to past purchases.
        assertThat(HEX.formatHex(afterReinstall.publicKey()))
                .isEqualTo(DERIVED_PUBLIC_KEY);
    }


    @Test
    void derivationMatchesAnIndependentImplementation() throws Exception {
        byte[] secret = Hkdf.computeHkdf("HMACSHA256", WALLET,
                BuyerKeyPair.SALT.getBytes(StandardCharsets.US_ASCII),
                BuyerKeyPair.INFO.getBytes(StandardCharsets.US_ASCII), 32);
        assertThat(BuyerKeyPair.fromWalletPrivateKey(WALLET).publicKey())
                .isEqualTo(X25519.publicFromPrivate(secret));
    }

    @Test
    void differentWalletsGetDifferentKeys() {
        byte[] other = WALLET.clone();
        other[31] ^= 1;
        assertThat(BuyerKeyPair.fromWalletPrivateKey(other).publicKey())
                .isNotEqualTo(BuyerKeyPair.fromWalletPrivateKey(WALLET).publicKey());
    }

    @Test
    void anotherWalletCannotOpenTheDelivery() {
        WrappedKey wrapped = wrapper.wrap(DatasetKey.generate(random),
                BuyerKeyPair.fromWalletPrivateKey(WALLET).publicKey(), CONTEXT);
        byte[] other = WALLET.clone();
        other[0] ^= 1;
        assertThatThrownBy(() -> wrapper.unwrap(wrapped, BuyerKeyPair.fromWalletPrivateKey(other), CONTEXT))
                .isInstanceOf(KeyUnwrapException.class)
                .hasMessageContaining("cannot be opened with this wallet");
    }

    @Test
    void deliveryIsBoundToItsListingAndBuyer() {
        BuyerKeyPair buyer = BuyerKeyPair.fromWalletPrivateKey(WALLET);
        WrappedKey wrapped = wrapper.wrap(DatasetKey.generate(random), buyer.publicKey(), CONTEXT);
        KeyDeliveryContext otherListing = new KeyDeliveryContext(BigInteger.valueOf(43), CONTEXT.buyerAddress());
        KeyDeliveryContext otherBuyer = new KeyDeliveryContext(CONTEXT.listingId(),
                "0x0000000000000000000000000000000000000001");
        assertThatThrownBy(() -> wrapper.unwrap(wrapped, buyer, otherListing)).isInstanceOf(KeyUnwrapException.class);
        assertThatThrownBy(() -> wrapper.unwrap(wrapped, buyer, otherBuyer)).isInstanceOf(KeyUnwrapException.class);
        // Address case does not matter: it is the same buyer.
        KeyDeliveryContext sameBuyerUpperCase = new KeyDeliveryContext(CONTEXT.listingId(),
                "0x" + CONTEXT.buyerAddress().substring(2).toUpperCase());
        assertThat(sameBuyerUpperCase.hpkeInfo()).isEqualTo(CONTEXT.hpkeInfo());
    }

    @Test
    void everyAlteredByteIsDetected() {
        BuyerKeyPair buyer = BuyerKeyPair.fromWalletPrivateKey(WALLET);
        byte[] wrapped = wrapper.wrap(DatasetKey.generate(random), buyer.publicKey(), CONTEXT).toBytes();
        for (int i = 0; i < wrapped.length; i++) {
            byte[] altered = wrapped.clone();
            altered[i] ^= 0x01;
            assertThatThrownBy(() -> wrapper.unwrap(WrappedKey.fromBytes(altered), buyer, CONTEXT))
                    .isInstanceOf(KeyUnwrapException.class);
        }
    }

    @Test
    void aKeyThatDoesNotMatchTheListingCommitmentIsRefused() {
        BuyerKeyPair buyer = BuyerKeyPair.fromWalletPrivateKey(WALLET);
        WrappedKey wrapped = wrapper.wrap(DatasetKey.generate(random), buyer.publicKey(), CONTEXT);
        KeyCommitment listed = KeyCommitment.of(DatasetKey.generate(random));
        assertThatThrownBy(() -> wrapper.unwrap(wrapped, buyer, CONTEXT, listed))
                .isInstanceOf(KeyUnwrapException.class)
                .hasMessageContaining("does not match the key commitment of listing 42");
    }

    @Test
    void interoperatesWithTinksHpkeInBothDirections() throws Exception {
        BuyerKeyPair buyer = BuyerKeyPair.fromWalletPrivateKey(WALLET);
        HpkeParameters parameters = HpkeParameters.builder()
                .setVariant(HpkeParameters.Variant.NO_PREFIX)
                .setKemId(HpkeParameters.KemId.DHKEM_X25519_HKDF_SHA256)
                .setKdfId(HpkeParameters.KdfId.HKDF_SHA256)
                .setAeadId(HpkeParameters.AeadId.AES_256_GCM)
                .build();
        HpkePublicKey tinkPublic = HpkePublicKey.create(parameters, Bytes.copyFrom(buyer.publicKey()), null);
        HpkePrivateKey tinkPrivate = HpkePrivateKey.create(tinkPublic,
                SecretBytes.copyFrom(buyer.privateKey(), InsecureSecretKeyAccess.get()));
        DatasetKey key = DatasetKey.generate(random);

        byte[] ours = wrapper.wrap(key, buyer.publicKey(), CONTEXT).toBytes();
        assertThat(HpkeDecrypt.create(tinkPrivate).decrypt(ours, CONTEXT.hpkeInfo())).isEqualTo(key.bytes());

        byte[] tinks = HpkeEncrypt.create(tinkPublic).encrypt(key.bytes(), CONTEXT.hpkeInfo());
        assertThat(wrapper.unwrap(WrappedKey.fromBytes(tinks), buyer, CONTEXT)).isEqualTo(key);
    }

    @Test
    void rejectsInvalidInputsClearly() {
        assertThatThrownBy(() -> BuyerKeyPair.fromWalletPrivateKey(new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyDeliveryContext(BigInteger.ONE, "0x123"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an address");
        assertThatThrownBy(() -> WrappedKey.fromBytes(new byte[79]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("80 bytes");
        assertThat(BuyerKeyPair.fromWalletPrivateKey(WALLET).toString()).doesNotContain(HEX.formatHex(WALLET));
    }
}
