package org.datagora.app.market;

/** How a purchase authorizes the marketplace to take the price. */
public enum PaymentMethod {
    /** An approve transaction (when the allowance is short), then buy: two transactions. */
    APPROVE,
    /** An EIP-2612 permit signed off-chain and passed to buyWithPermit: one transaction. */
    PERMIT
}
