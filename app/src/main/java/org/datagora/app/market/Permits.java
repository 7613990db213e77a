package org.datagora.app.market;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** EIP-2612 permits: the signed approval the token checks, so a purchase needs one transaction, not two. */
final class Permits {

    private static final byte[] PERMIT_TYPEHASH = Hash.sha3(
            "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)".getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII));

    private Permits() {
    }

    /** The owner's signature over Permit(owner, spender, value, nonce, deadline) in the token's EIP-712 domain. */
    static Sign.SignatureData sign(Credentials owner, byte[] domainSeparator, String spender, BigInteger value,
                                   BigInteger nonce, BigInteger deadline) {
        ByteArrayOutputStream struct = new ByteArrayOutputStream();
        struct.writeBytes(PERMIT_TYPEHASH);
        struct.writeBytes(word(Numeric.toBigInt(owner.getAddress())));
        struct.writeBytes(word(Numeric.toBigInt(spender)));
        struct.writeBytes(word(value));
        struct.writeBytes(word(nonce));
        struct.writeBytes(word(deadline));
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.write(0x19);
        message.write(0x01);
        message.writeBytes(domainSeparator);
        message.writeBytes(Hash.sha3(struct.toByteArray()));
        return Sign.signMessage(Hash.sha3(message.toByteArray()), owner.getEcKeyPair(), false);
    }

    private static byte[] word(BigInteger value) {
        return Numeric.toBytesPadded(value, 32);
    }
}
