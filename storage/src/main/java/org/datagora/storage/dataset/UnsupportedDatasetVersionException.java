package org.datagora.storage.dataset;

/** The container was written in a format version this build does not read (a newer app made it). */
public final class UnsupportedDatasetVersionException extends DatasetException {

    public UnsupportedDatasetVersionException(int version) {
        super("This dataset uses container format version " + version + ", which this version of Datagora "
                + "cannot read. Update the app to open it.");
    }
}
