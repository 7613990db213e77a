-- The local cache: everything the app shows while browsing, filled by the chain indexer, plus the user's
-- own local state (secrets, labels in progress). Rows derived from the chain carry the block that created
-- or last changed them, so a reorg can rewind them; addresses are stored as lower-case 0x hex.

-- Listing metadata fetched from IPFS and verified against its CID. Content-addressed, so a reorg never
-- invalidates it: a listing re-applied after a rewind finds its metadata here without another fetch.
CREATE TABLE metadata (
    cid          VARCHAR(128)  NOT NULL PRIMARY KEY,
    title        VARCHAR(300)  NOT NULL,
    description  VARCHAR(8000) NOT NULL,
    tags         VARCHAR(2000) NOT NULL, -- comma separated, lower case
    raw_json     VARBINARY(65536) NOT NULL,
    fetched_at   BIGINT        NOT NULL
);

CREATE TABLE listing (
    listing_id          BIGINT         NOT NULL PRIMARY KEY,
    seller              VARCHAR(42)    NOT NULL,
    content_cid         VARCHAR(128)   NOT NULL,
    metadata_cid        VARCHAR(128)   NOT NULL,
    key_commitment      VARCHAR(66)    NOT NULL,
    price               NUMERIC(78, 0) NOT NULL,
    license             VARCHAR(64)    NOT NULL,  -- name of the chain's license id in the app's table
    delivery_window     BIGINT         NOT NULL DEFAULT 0,  -- seconds the seller has to deliver a key
    status              VARCHAR(16)    NOT NULL,  -- ACTIVE, PAUSED, DELISTED
    version             INT            NOT NULL,  -- 1, or the previous version's plus one
    previous_listing_id BIGINT,                   -- the listing this one is a new version of
    created_block       BIGINT         NOT NULL,
    created_time        BIGINT         NOT NULL,  -- block timestamp, seconds
    updated_block       BIGINT         NOT NULL,
    -- Copied from metadata once it is fetched and verified (metadata_state VERIFIED).
    title               VARCHAR(300),
    description         VARCHAR(8000),
    tags                VARCHAR(2000),
    metadata_state      VARCHAR(16)    NOT NULL,  -- PENDING, VERIFIED, INVALID
    metadata_attempts   INT            NOT NULL DEFAULT 0,
    rating_count        INT            NOT NULL DEFAULT 0,
    rating_sum          INT            NOT NULL DEFAULT 0,
    rating_avg          DOUBLE PRECISION GENERATED ALWAYS AS
                        (CASE WHEN rating_count = 0 THEN 0 ELSE CAST(rating_sum AS DOUBLE PRECISION) / rating_count END)
);
CREATE INDEX listing_newest ON listing (status, created_block DESC, listing_id DESC);
CREATE INDEX listing_price ON listing (status, price, listing_id);
CREATE INDEX listing_rating ON listing (status, rating_avg DESC, rating_count DESC, listing_id DESC);
CREATE INDEX listing_seller ON listing (seller, created_block DESC);
CREATE INDEX listing_previous ON listing (previous_listing_id);
CREATE INDEX listing_metadata_state ON listing (metadata_state, metadata_attempts);

-- Search: one row per distinct word of a listing's title, description and tags (see docs/decisions/0003).
CREATE TABLE listing_token (
    token      VARCHAR(64) NOT NULL,
    listing_id BIGINT      NOT NULL,
    PRIMARY KEY (token, listing_id),
    FOREIGN KEY (listing_id) REFERENCES listing (listing_id) ON DELETE CASCADE
);
CREATE INDEX listing_token_listing ON listing_token (listing_id);

CREATE TABLE listing_tag (
    tag        VARCHAR(64) NOT NULL,
    listing_id BIGINT      NOT NULL,
    PRIMARY KEY (tag, listing_id),
    FOREIGN KEY (listing_id) REFERENCES listing (listing_id) ON DELETE CASCADE
);
CREATE INDEX listing_tag_listing ON listing_tag (listing_id);

-- Escrowed purchases of every listing, as the chain reports them. The user's purchases are the rows
-- whose buyer is the user; the user's sales are the rows whose seller is the user (view sale).
CREATE TABLE purchase (
    purchase_id       BIGINT         NOT NULL PRIMARY KEY,
    listing_id        BIGINT         NOT NULL,
    buyer             VARCHAR(42)    NOT NULL,
    seller            VARCHAR(42)    NOT NULL,
    price             NUMERIC(78, 0) NOT NULL,
    status            VARCHAR(16)    NOT NULL,  -- ESCROWED, DELIVERED, REFUNDED
    buyer_public_key  VARBINARY(32),            -- X25519 key the seller wraps the dataset key to
    deadline          BIGINT         NOT NULL DEFAULT 0,  -- last second for delivery
    wrapped_key       VARBINARY(1024),
    key_mismatch      BOOLEAN        NOT NULL DEFAULT FALSE,
    purchased_block   BIGINT         NOT NULL,
    purchased_time    BIGINT         NOT NULL,
    delivered_block   BIGINT,
    delivered_time    BIGINT,
    refunded_block    BIGINT,
    rating            INT,
    updated_block     BIGINT         NOT NULL
);
CREATE INDEX purchase_buyer ON purchase (buyer, purchased_block DESC);
CREATE INDEX purchase_seller ON purchase (seller, purchased_block DESC);
CREATE INDEX purchase_listing ON purchase (listing_id);

CREATE VIEW sale AS
    SELECT purchase_id, listing_id, buyer, seller, price, status, buyer_public_key, deadline, key_mismatch,
           purchased_block, purchased_time, delivered_block, delivered_time, refunded_block, rating
    FROM purchase;

-- Flags raised against a listing: one of the seller's reputation inputs, next to deliveries, delivery
-- times, refunds and ratings, which come from the purchase rows.
CREATE TABLE listing_flag (
    listing_id   BIGINT       NOT NULL,
    flagger      VARCHAR(42)  NOT NULL,
    seller       VARCHAR(42)  NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    flagged_block BIGINT      NOT NULL,
    PRIMARY KEY (listing_id, flagger)
);
CREATE INDEX listing_flag_seller ON listing_flag (seller);

CREATE TABLE labeling_task (
    task_id          BIGINT         NOT NULL PRIMARY KEY,
    requester        VARCHAR(42)    NOT NULL,
    manifest_digest  VARCHAR(66)    NOT NULL,  -- sha2-256 digest of the items manifest CID
    schema_digest    VARCHAR(66)    NOT NULL,  -- sha2-256 digest of the label schema CID
    item_count       INT            NOT NULL,
    batch_size       INT            NOT NULL,
    labels_per_item  INT            NOT NULL,
    total_reward     NUMERIC(78, 0) NOT NULL,
    validation_pool  NUMERIC(78, 0) NOT NULL,
    status           VARCHAR(16)    NOT NULL,  -- OPEN, CLOSED
    created_block    BIGINT         NOT NULL,
    created_time     BIGINT         NOT NULL,
    updated_block    BIGINT         NOT NULL
);
CREATE INDEX labeling_task_status ON labeling_task (status, created_block DESC);

CREATE TABLE task_claim (
    claim_id       BIGINT       NOT NULL PRIMARY KEY,
    task_id        BIGINT       NOT NULL,
    labeler        VARCHAR(42)  NOT NULL,
    batch_index    INT          NOT NULL,
    commitment     VARCHAR(66),
    labels_cid     VARCHAR(128),
    status         VARCHAR(16)  NOT NULL,  -- CLAIMED, COMMITTED, REVEALED, ACCEPTED, REJECTED, SLASHED, FORFEITED
    claimed_block  BIGINT       NOT NULL,
    updated_block  BIGINT       NOT NULL,
    FOREIGN KEY (task_id) REFERENCES labeling_task (task_id) ON DELETE CASCADE
);
CREATE INDEX task_claim_task ON task_claim (task_id, batch_index);
CREATE INDEX task_claim_labeler ON task_claim (labeler);

-- Labels the user is writing for a task, saved as they type; local only, never derived from the chain.
CREATE TABLE label_draft (
    task_id     BIGINT        NOT NULL,
    item_index  INT           NOT NULL,
    label_json  VARCHAR(65536) NOT NULL,
    saved_at    BIGINT        NOT NULL,
    PRIMARY KEY (task_id, item_index)
);

-- Secrets (dataset keys, task keys), AES-GCM under a key derived from the wallet password (SecretVault).
CREATE TABLE vault (
    id           INT          NOT NULL PRIMARY KEY,
    kdf          VARCHAR(32)  NOT NULL,
    salt         VARBINARY(64) NOT NULL,
    cost         INT          NOT NULL,
    block_size   INT          NOT NULL,
    parallelism  INT          NOT NULL,
    check_nonce  VARBINARY(12) NOT NULL,
    check_value  VARBINARY(64) NOT NULL
);
CREATE TABLE secret (
    kind        VARCHAR(32)   NOT NULL,  -- DATASET_KEY, TASK_KEY, ...
    ref         VARCHAR(128)  NOT NULL,  -- what the secret belongs to, e.g. a listing or purchase id
    nonce       VARBINARY(12) NOT NULL,
    ciphertext  VARBINARY(8192) NOT NULL,
    PRIMARY KEY (kind, ref)
);

-- The raw events the cache was built from: the unit of idempotency (block, log index) and of rewind.
CREATE TABLE chain_event (
    block_number  BIGINT        NOT NULL,
    log_index     INT           NOT NULL,
    block_hash    VARCHAR(66)   NOT NULL,
    tx_hash       VARCHAR(66)   NOT NULL,
    contract      VARCHAR(42)   NOT NULL,
    entity_kind   VARCHAR(16)   NOT NULL,  -- LISTING, TASK: the rows an event feeds
    entity_id     BIGINT        NOT NULL,
    topics        VARCHAR(300)  NOT NULL,  -- the log's topics, comma separated
    data          VARBINARY(65536) NOT NULL,
    block_time    BIGINT        NOT NULL,
    PRIMARY KEY (block_number, log_index)
);
CREATE INDEX chain_event_entity ON chain_event (entity_kind, entity_id, block_number, log_index);

-- The indexer's cursor: the last block fully applied, and the hashes of recent blocks it saw, to notice
-- a reorg by comparing them with the chain.
CREATE TABLE indexer_cursor (
    id            INT         NOT NULL PRIMARY KEY,
    chain_id      BIGINT      NOT NULL,
    contracts     VARCHAR(500) NOT NULL,
    block_number  BIGINT      NOT NULL,
    block_hash    VARCHAR(66) NOT NULL
);
CREATE TABLE indexer_block (
    block_number  BIGINT      NOT NULL PRIMARY KEY,
    block_hash    VARCHAR(66) NOT NULL
);
