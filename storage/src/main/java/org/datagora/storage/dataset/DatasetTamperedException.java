package org.datagora.storage.dataset;

/**
 * The ciphertext does not authenticate, is cut short, has segments out of order, or does not match its
 * own manifest. Nothing from it was left in the target folder.
 */
public final class DatasetTamperedException extends DatasetException {

    public DatasetTamperedException(String detail, Throwable cause) {
        super("The dataset is damaged or was tampered with (" + detail + "). Nothing from it was kept; "
                + "download it again, and if this persists, report the listing.", cause);
    }
}
