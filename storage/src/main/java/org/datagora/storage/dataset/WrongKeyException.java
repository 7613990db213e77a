package org.datagora.storage.dataset;

/** The key given is not the key the dataset was encrypted with. Nothing was written. */
public final class WrongKeyException extends DatasetException {

    public WrongKeyException(Throwable cause) {
        super("This key does not open the dataset: it is not the key the dataset was encrypted with. "
                + "Nothing was written.", cause);
    }
}
