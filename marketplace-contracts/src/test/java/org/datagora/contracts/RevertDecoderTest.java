package org.datagora.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.exceptions.TransactionException;

/** Decodes revert data built the way the EVM returns it, with the ABIs the build put on the classpath. */
class RevertDecoderTest {

    private final RevertDecoder decoder = RevertDecoder.forDatagoraContracts();

    private static String encode(String name, org.web3j.abi.datatypes.Type<?>... args) {
        return FunctionEncoder.encode(new Function(name, List.of(args), List.of()));
    }

    @Test
    void namesAMarketplaceErrorWithItsArguments() {
        String data = encode("NotSeller", new Uint256(3), new Address("0x00000000000000000000000000000000000000aa"));
        RevertDecoder.DecodedError error = decoder.decode(data).orElseThrow();
        assertThat(error.name()).isEqualTo("NotSeller");
        assertThat(error.describe()).isEqualTo(
                "NotSeller(listingId=3, caller=0x00000000000000000000000000000000000000aa)");
    }

    @Test
    void namesALabelingErrorWithoutArguments() {
        assertThat(decoder.decode(encode("InvalidTask")).orElseThrow().describe()).isEqualTo("InvalidTask()");
    }

    @Test
    void namesInheritedOpenZeppelinErrors() {
        String data = encode("ERC20InsufficientAllowance", new Address("0x00000000000000000000000000000000000000bb"),
                new Uint256(0), new Uint256(5));
        assertThat(decoder.decode(data).orElseThrow().name()).isEqualTo("ERC20InsufficientAllowance");
    }

    @Test
    void decodesRevertStringsAndPanics() {
        assertThat(decoder.decode(encode("Error", new Utf8String("no"))).orElseThrow().arguments())
                .containsExactly("no");
        assertThat(decoder.decode(encode("Panic", new Uint256(0x11))).orElseThrow().arguments())
                .containsExactly(BigInteger.valueOf(0x11));
    }

    @Test
    void leavesUnknownSelectorsAndNonsenseAlone() {
        assertThat(decoder.decode("0xdeadbeef")).isEmpty();
        assertThat(decoder.decode("0x12")).isEmpty();
        assertThat(decoder.decode((String) null)).isEmpty();
    }

    @Test
    void findsTheErrorInAnvilsRevertReasonWording() {
        String data = encode("PurchaseNotFound", new Uint256(9));
        TransactionException failure = new TransactionException("Transaction 0x01 has failed with status: 0x0."
                + " Revert reason: 'execution reverted: custom error " + data.substring(0, 10) + ": "
                + data.substring(10) + "'.");
        assertThat(decoder.decode(new RuntimeException("wrapped", failure)).orElseThrow().describe())
                .isEqualTo("PurchaseNotFound(purchaseId=9)");
    }
}
