package org.datagora.app.market;

/** Hears a publish's progress; called on the thread running the workflow. */
public interface PublishListener {

    /** Does nothing. */
    PublishListener NONE = (step, fraction, bytesPerSecond) -> { };

    /**
     * Progress within {@code step}.
     *
     * @param fraction       0 to 1 within the step
     * @param bytesPerSecond throughput of steps that move bytes (encrypt, add), else 0
     */
    void onProgress(PublishStep step, double fraction, double bytesPerSecond);

    /** {@code step} is done and recorded in the journal. */
    default void onStepCompleted(PublishStep step) {
    }
}
