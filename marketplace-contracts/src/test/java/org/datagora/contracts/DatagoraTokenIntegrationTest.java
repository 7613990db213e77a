package org.datagora.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.datagora.contracts.devnet.AnvilNode;
import org.datagora.contracts.generated.DatagoraToken;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** The payment token through its generated binding on a real anvil: mint, a permit signed off-chain, Transfer events. */
class DatagoraTokenIntegrationTest {

    private static final byte[] PERMIT_TYPEHASH =
            Hash.sha3("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)".getBytes());

    @Test
    void mintsTransfersWithAPermitSignatureAndReadsTheTransferEventsBack() throws Exception {
        try (AnvilNode anvil = AnvilNode.startEphemeral()) {
            Credentials admin = anvil.devAccount(0);
            Credentials holder = anvil.devAccount(1);
            Credentials spender = anvil.devAccount(2);
            String receiver = "0x000000000000000000000000000000000000bEEF";
            DatagoraToken deployed = DatagoraToken.deploy(anvil.web3j(), anvil.transactionManager(admin),
                    anvil.gasProvider(), admin.getAddress()).send();
            BigInteger minted = BigInteger.TEN.pow(20);
            TransactionReceipt mint = deployed.mint(holder.getAddress(), minted).send();
            assertThat(DatagoraToken.getTransferEvents(mint)).singleElement().satisfies(event -> {
                assertThat(event.from).isEqualTo(Address.DEFAULT.getValue());
                assertThat(event.to).isEqualToIgnoringCase(holder.getAddress());
                assertThat(event.value).isEqualTo(minted);
            });

            BigInteger value = BigInteger.TEN.pow(19).multiply(BigInteger.valueOf(3));
            BigInteger deadline = BigInteger.valueOf(4_000_000_000L);
            byte[] domain = deployed.DOMAIN_SEPARATOR().send();
            BigInteger nonce = deployed.nonces(holder.getAddress()).send();
            Sign.SignatureData signature = signPermit(holder, spender.getAddress(), value, nonce, deadline, domain);

            // The holder sends nothing: the spender submits the signed permit and pulls the tokens.
            DatagoraToken asSpender = DatagoraToken.load(deployed.getContractAddress(), anvil.web3j(),
                    anvil.transactionManager(spender), anvil.gasProvider());
            asSpender.permit(holder.getAddress(), spender.getAddress(), value, deadline,
                    BigInteger.valueOf(Byte.toUnsignedInt(signature.getV()[0])), signature.getR(), signature.getS()).send();
            assertThat(deployed.allowance(holder.getAddress(), spender.getAddress()).send()).isEqualTo(value);
            TransactionReceipt pulled = asSpender.transferFrom(holder.getAddress(), receiver, value).send();

            assertThat(DatagoraToken.getTransferEvents(pulled)).singleElement().satisfies(event -> {
                assertThat(event.from).isEqualToIgnoringCase(holder.getAddress());
                assertThat(event.to).isEqualToIgnoringCase(receiver);
                assertThat(event.value).isEqualTo(value);
            });
            assertThat(deployed.balanceOf(receiver).send()).isEqualTo(value);
            assertThat(deployed.balanceOf(holder.getAddress()).send()).isEqualTo(minted.subtract(value));
            assertThat(deployed.nonces(holder.getAddress()).send()).isEqualTo(nonce.add(BigInteger.ONE));

            EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST,
                    deployed.getContractAddress()).addSingleTopic(
                    org.web3j.abi.EventEncoder.encode(DatagoraToken.TRANSFER_EVENT));
            List<EthLog.LogResult> logs = anvil.web3j().ethGetLogs(filter).send().getLogs();
            assertThat(logs).hasSize(2);
            assertThat(logs).map(result -> DatagoraToken.getTransferEventFromLog((Log) result.get()).value)
                    .containsExactly(minted, value);
        }
    }

    private static Sign.SignatureData signPermit(Credentials holder, String spender, BigInteger value, BigInteger nonce,
                                                 BigInteger deadline, byte[] domainSeparator) {
        @SuppressWarnings("rawtypes")
        List<Type> fields = List.of(new Bytes32(PERMIT_TYPEHASH), new Address(holder.getAddress()),
                new Address(spender), new Uint256(value), new Uint256(nonce), new Uint256(deadline));
        byte[] structHash = Hash.sha3(Numeric.hexStringToByteArray(FunctionEncoder.encodeConstructor(fields)));
        byte[] digest = Hash.sha3(concat(new byte[] {0x19, 0x01}, domainSeparator, structHash));
        return Sign.signMessage(digest, holder.getEcKeyPair(), false);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
