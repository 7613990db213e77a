package org.datagora.app.market;

/** The steps of publishing a dataset, in order, as a progress view shows them. */
public enum PublishStep {
    /** The dataset key is drawn and saved, encrypted, in the local vault. */
    SAVE_KEY("Saving the dataset key"),
    /** The files are encrypted into one container. */
    ENCRYPT("Encrypting"),
    /** The container (and the preview) go to the content store. */
    ADD_CONTENT("Adding to IPFS"),
    /** The metadata document goes to the content store. */
    ADD_METADATA("Adding the metadata"),
    /** The list transaction is signed and sent. */
    LIST("Sending the list transaction"),
    /** The transaction is mined. */
    CONFIRM("Waiting for confirmation"),
    /** The listing is in the local cache and on sale. */
    LISTED("Listed");

    private final String label;

    PublishStep(String label) {
        this.label = label;
    }

    /** The step in words, for a progress view. */
    public String label() {
        return label;
    }
}
