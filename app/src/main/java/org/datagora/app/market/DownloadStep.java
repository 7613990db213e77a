package org.datagora.app.market;

/** The steps of downloading a purchase, as a progress view shows them. */
public enum DownloadStep {
    /** The delivered key is opened with the wallet's key and checked against the listing's commitment. */
    OPEN_KEY("Opening the delivered key"),
    /** The encrypted content is fetched from the content store and checked against its CID. */
    FETCH("Fetching from IPFS"),
    /** The content is decrypted into the chosen folder and every file's SHA-256 checked. */
    DECRYPT("Decrypting"),
    /** The files are in place and verified. */
    DONE("Downloaded and verified");

    private final String label;

    DownloadStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
