package org.datagora.app.labeling;

/** A labeling action that failed, with a sentence the user can act on; nothing local is lost by it. */
public class LabelingException extends RuntimeException {

    public LabelingException(String message) {
        super(message);
    }

    public LabelingException(String message, Throwable cause) {
        super(message, cause);
    }
}
