package org.datagora.storage.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What a key delivery is for: one listing and one buyer. It becomes the HPKE info string
 * {@code "datagora/v1/key-delivery" || 0x00 || listingId (32 bytes, big-endian) || buyer (20 bytes)},
 * so a wrapped key copied to another listing or replayed for another buyer does not open.
 *
 * @param listingId    the listing id in the marketplace contract (a uint256)
 * @param buyerAddress the buyer's 0x-prefixed address (any case)
 */
public record KeyDeliveryContext(BigInteger listingId, String buyerAddress) {

    /** Domain-separation label, fixed forever. */
    public static final String LABEL = "datagora/v1/key-delivery";

    public KeyDeliveryContext {
        if (listingId == null || listingId.signum() < 0 || listingId.bitLength() > 256) {
            throw new IllegalArgumentException("A listing id is a uint256, not " + listingId);
        }
        if (buyerAddress == null || !buyerAddress.matches("0[xX][0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException("\"" + buyerAddress + "\" is not an address (0x and 40 hex digits)");
        }
        buyerAddress = "0x" + buyerAddress.substring(2).toLowerCase(Locale.ROOT);
    }

    /** The HPKE info bytes. */
    public byte[] hpkeInfo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(LABEL.length() + 53);
        out.writeBytes(LABEL.getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        byte[] id = listingId.toByteArray();
        int length = Math.min(id.length, 32);
        out.writeBytes(new byte[32 - length]);
        out.write(id, id.length - length, length);
        out.writeBytes(HexFormat.of().parseHex(buyerAddress.substring(2)));
        return out.toByteArray();
    }
}
