package org.datagora.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.datagora.contracts.devnet.AnvilNode;
import org.datagora.contracts.generated.DataMarketplace;
import org.datagora.contracts.generated.DatagoraToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** Lists, buys (approve and permit) and delivers through the web3j bindings on a real anvil chain. */
class MarketplaceIntegrationTest {

    private static final BigInteger ETHER = BigInteger.TEN.pow(18);
    private static final BigInteger PRICE = ETHER.multiply(BigInteger.TEN);
    private static final BigInteger MINTED = ETHER.multiply(BigInteger.valueOf(1_000));
    private static final byte[] BUYER_X25519_KEY = Numeric.hexStringToByteArray(
            "0x8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    private static final BigInteger DELIVERY_WINDOW = BigInteger.valueOf(3 * 24 * 3600);

    private static AnvilNode anvil;
    private static NetworkAddresses addresses;
    private static Credentials admin;
    private static Credentials seller;
    private static Credentials buyer;
    private static Credentials permitBuyer;
    private static Credentials agent;
    private static Credentials contributorA;
    private static Credentials contributorB;
    private static String treasury;

    @BeforeAll
    static void deploy() throws Exception {
        anvil = AnvilNode.startEphemeral();
        admin = anvil.devAccount(0);
        seller = anvil.devAccount(1);
        buyer = anvil.devAccount(2);
        permitBuyer = anvil.devAccount(3);
        agent = anvil.devAccount(4);
        contributorA = anvil.devAccount(5);
        contributorB = anvil.devAccount(6);
        treasury = anvil.devAccount(7).getAddress();
        addresses = ContractsDeployer.deploy(anvil.web3j(), anvil.transactionManager(admin), anvil.gasProvider(),
                admin.getAddress(), treasury);
        DatagoraToken token = token(admin);
        token.mint(buyer.getAddress(), MINTED).send();
        token.mint(permitBuyer.getAddress(), MINTED).send();
    }

    @AfterAll
    static void stop() {
        anvil.close();
    }

    @Test
    void approveBuyDeliverPaysSellerTreasuryAndContributorsExactly() throws Exception {
        Balances before = Balances.now();
        BigInteger listingId = list(List.of(
                new DataMarketplace.Contributor(contributorA.getAddress(), BigInteger.valueOf(3_000)),
                new DataMarketplace.Contributor(contributorB.getAddress(), BigInteger.valueOf(1_000))));
        market(seller).setDeliveryAgent(agent.getAddress(), true).send();

        token(buyer).approve(addresses.marketplace(), PRICE).send();
        TransactionReceipt bought = market(buyer).buy(listingId, BUYER_X25519_KEY, PRICE).send();
        BigInteger purchaseId = DataMarketplace.getPurchasedEvents(bought).get(0).purchaseId;
        assertThat(DataMarketplace.getPurchasedEvents(bought).get(0).buyerPublicKey).isEqualTo(BUYER_X25519_KEY);

        byte[] wrappedKey = new byte[80];
        wrappedKey[0] = 0x42;
        wrappedKey[79] = 0x24;
        TransactionReceipt delivered = market(agent).deliverKey(purchaseId, wrappedKey).send();
        assertThat(DataMarketplace.getKeyDeliveredEvents(delivered).get(0).wrappedKey).isEqualTo(wrappedKey);

        BigInteger fee = PRICE.multiply(BigInteger.valueOf(250)).divide(BigInteger.valueOf(10_000));
        BigInteger net = PRICE.subtract(fee);
        BigInteger shareA = net.multiply(BigInteger.valueOf(3_000)).divide(BigInteger.valueOf(10_000));
        BigInteger shareB = net.multiply(BigInteger.valueOf(1_000)).divide(BigInteger.valueOf(10_000));
        Balances after = Balances.now();
        assertThat(fee).isEqualTo(new BigInteger("250000000000000000"));
        assertThat(after.treasury.subtract(before.treasury)).isEqualTo(fee);
        assertThat(after.contributorA.subtract(before.contributorA)).isEqualTo(shareA)
                .isEqualTo(new BigInteger("2925000000000000000"));
        assertThat(after.contributorB.subtract(before.contributorB)).isEqualTo(shareB)
                .isEqualTo(new BigInteger("975000000000000000"));
        assertThat(after.seller.subtract(before.seller)).isEqualTo(net.subtract(shareA).subtract(shareB))
                .isEqualTo(new BigInteger("5850000000000000000"));
        assertThat(before.buyer.subtract(after.buyer)).isEqualTo(PRICE);
        assertThat(after.market).isEqualTo(before.market);
        assertThat(market(buyer).getPurchase(purchaseId).send().status).isEqualTo(BigInteger.TWO);
    }

    @Test
    void permitPurchaseNeedsNoSeparateApproval() throws Exception {
        Balances before = Balances.now();
        BigInteger listingId = list(List.of());
        DatagoraToken token = token(permitBuyer);
        assertThat(token.allowance(permitBuyer.getAddress(), addresses.marketplace()).send()).isZero();
        BigInteger deadline = BigInteger.valueOf(System.currentTimeMillis() / 1000 + 3600);
        Sign.SignatureData signature = signPermit(permitBuyer, PRICE, token.nonces(permitBuyer.getAddress()).send(),
                deadline, token.DOMAIN_SEPARATOR().send());
        TransactionReceipt bought = market(permitBuyer).buyWithPermit(listingId, BUYER_X25519_KEY, PRICE, PRICE,
                deadline, BigInteger.valueOf(signature.getV()[0] & 0xff), signature.getR(), signature.getS()).send();
        BigInteger purchaseId = DataMarketplace.getPurchasedEvents(bought).get(0).purchaseId;
        TransactionReceipt delivered = market(seller).deliverKey(purchaseId, new byte[80]).send();

        BigInteger fee = PRICE.multiply(BigInteger.valueOf(250)).divide(BigInteger.valueOf(10_000));
        Balances after = Balances.now();
        assertThat(before.permitBuyer.subtract(after.permitBuyer)).isEqualTo(PRICE);
        assertThat(after.seller.subtract(before.seller)).isEqualTo(PRICE.subtract(fee));
        assertThat(after.treasury.subtract(before.treasury)).isEqualTo(fee);
        System.out.printf("gas on anvil: buyWithPermit %,d, deliverKey (no contributors) %,d%n",
                bought.getGasUsed(), delivered.getGasUsed());
    }

    @Test
    void gasOfListBuyDeliverStaysWithinBudgets() throws Exception {
        list(List.of()); // ids and balances warm, as on a network in use
        TransactionReceipt listed = market(seller).list(params(List.of())).send();
        BigInteger listingId = DataMarketplace.getListedEvents(listed).get(0).listingId;
        token(buyer).approve(addresses.marketplace(), PRICE.multiply(BigInteger.TWO)).send();
        market(buyer).buy(listingId, BUYER_X25519_KEY, PRICE).send();
        TransactionReceipt bought = market(buyer).buy(listingId, BUYER_X25519_KEY, PRICE).send();
        BigInteger purchaseId = DataMarketplace.getPurchasedEvents(bought).get(0).purchaseId;
        TransactionReceipt delivered = market(seller).deliverKey(purchaseId, new byte[80]).send();
        System.out.printf("gas on anvil: list %,d, buy %,d, deliverKey %,d%n",
                listed.getGasUsed(), bought.getGasUsed(), delivered.getGasUsed());
        assertThat(listed.getGasUsed()).isLessThanOrEqualTo(BigInteger.valueOf(150_000));
        assertThat(bought.getGasUsed()).isLessThanOrEqualTo(BigInteger.valueOf(120_000));
        assertThat(delivered.getGasUsed()).isLessThanOrEqualTo(BigInteger.valueOf(80_000));
    }

    @Test
    void revertedPurchaseIsNamedByItsCustomError() throws Exception {
        BigInteger listingId = list(List.of());
        token(buyer).approve(addresses.marketplace(), PRICE).send();
        Throwable failure = catchFailure(() -> market(buyer).buy(listingId, BUYER_X25519_KEY, ETHER).send());
        assertThat(RevertDecoder.forDatagoraContracts().decode(failure))
                .hasValueSatisfying(error -> {
                    assertThat(error.name()).isEqualTo("PriceAboveMaximum");
                    assertThat(error.arguments()).containsExactly(PRICE, ETHER);
                });
    }

    @Test
    void onlyTheSellerOrTheirAgentCanDeliver() throws Exception {
        BigInteger listingId = list(List.of());
        token(buyer).approve(addresses.marketplace(), PRICE).send();
        BigInteger purchaseId = DataMarketplace.getPurchasedEvents(
                market(buyer).buy(listingId, BUYER_X25519_KEY, PRICE).send()).get(0).purchaseId;
        assertThatThrownBy(() -> market(contributorA).deliverKey(purchaseId, new byte[80]).send())
                .satisfies(e -> assertThat(RevertDecoder.forDatagoraContracts().decode(e))
                        .hasValueSatisfying(error -> assertThat(error.name()).isEqualTo("NotAuthorizedDeliverer")));
    }

    private static BigInteger list(List<DataMarketplace.Contributor> contributors) throws Exception {
        TransactionReceipt receipt = market(seller).list(params(contributors)).send();
        return DataMarketplace.getListedEvents(receipt).get(0).listingId;
    }

    private static DataMarketplace.ListingParams params(List<DataMarketplace.Contributor> contributors) {
        return new DataMarketplace.ListingParams(
                Hash.sha3("content".getBytes()), Hash.sha3("metadata".getBytes()), Hash.sha3(new byte[32]),
                PRICE, BigInteger.valueOf(0x70), BigInteger.valueOf(0x55), BigInteger.ONE, DELIVERY_WINDOW,
                BigInteger.ZERO, contributors);
    }

    private static Sign.SignatureData signPermit(Credentials owner, BigInteger value, BigInteger nonce,
                                                 BigInteger deadline, byte[] domainSeparator) {
        byte[] typeHash = Hash.sha3(("Permit(address owner,address spender,uint256 value,uint256 nonce,"
                + "uint256 deadline)").getBytes());
        byte[] structHash = Hash.sha3(concat(typeHash, word(owner.getAddress()), word(addresses.marketplace()),
                Numeric.toBytesPadded(value, 32), Numeric.toBytesPadded(nonce, 32), Numeric.toBytesPadded(deadline, 32)));
        byte[] digest = Hash.sha3(concat(new byte[] {0x19, 0x01}, domainSeparator, structHash));
        return Sign.signMessage(digest, owner.getEcKeyPair(), false);
    }

    private static byte[] word(String address) {
        return Numeric.toBytesPadded(Numeric.toBigInt(address), 32);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static Throwable catchFailure(ThrowingCall call) {
        try {
            call.run();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("the call should have reverted");
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }

    private static DataMarketplace market(Credentials who) {
        return DataMarketplace.load(addresses.marketplace(), anvil.web3j(), anvil.transactionManager(who),
                anvil.gasProvider());
    }

    private static DatagoraToken token(Credentials who) {
        return DatagoraToken.load(addresses.token(), anvil.web3j(), anvil.transactionManager(who),
                anvil.gasProvider());
    }

    private record Balances(BigInteger seller, BigInteger buyer, BigInteger permitBuyer, BigInteger treasury,
                            BigInteger contributorA, BigInteger contributorB, BigInteger market) {
        static Balances now() throws Exception {
            DatagoraToken t = token(admin);
            return new Balances(t.balanceOf(MarketplaceIntegrationTest.seller.getAddress()).send(), t.balanceOf(MarketplaceIntegrationTest.buyer.getAddress()).send(),
                    t.balanceOf(MarketplaceIntegrationTest.permitBuyer.getAddress()).send(), t.balanceOf(MarketplaceIntegrationTest.treasury).send(),
                    t.balanceOf(MarketplaceIntegrationTest.contributorA.getAddress()).send(), t.balanceOf(MarketplaceIntegrationTest.contributorB.getAddress()).send(),
                    t.balanceOf(addresses.marketplace()).send());
        }
    }
}
