package org.datagora.app.market;

import java.util.List;

/**
 * What one pass of the delivery agent did.
 *
 * @param delivered purchases whose key it delivered now
 * @param failed    purchases it could not deliver now, with the reason (tried again next pass)
 * @param pending   purchases still waiting for delivery after the pass
 */
public record DeliveryReport(List<Long> delivered, List<String> failed, int pending) {

    public DeliveryReport {
        delivered = List.copyOf(delivered);
        failed = List.copyOf(failed);
    }
}
