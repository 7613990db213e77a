// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

/// @title IDataMarketplace
/// @notice Dataset listings paid in one ERC-20, with the price held in escrow until the seller delivers the
///         dataset key wrapped to the buyer's public key, or the buyer takes it back after the deadline.
/// @dev CIDs are stored compactly as (multicodec, sha2-256 digest): the CID is CIDv1(codec, 0x12 0x20 digest).
///      A CIDv0 ("Qm...") is dag-pb (codec 0x70) and converts to CIDv1 without loss.
interface IDataMarketplace {
    /// @notice Lifecycle of a listing.
    enum ListingStatus {
        None,
        Active,
        Paused,
        Delisted
    }

    /// @notice Lifecycle of a purchase: Escrowed -> Delivered, or Escrowed -> Refunded; both ends are final.
    enum PurchaseStatus {
        None,
        Escrowed,
        Delivered,
        Refunded
    }

    /// @notice A contributor paid on every sale of a listing, in basis points of the sale net of the fee.
    struct Contributor {
        address account;
        uint16 shareBps;
    }

    /// @notice What a seller gives to list a dataset.
    struct ListingParams {
        bytes32 contentDigest; // sha2-256 digest of the encrypted content CID
        bytes32 metadataDigest; // sha2-256 digest of the metadata CID
        bytes32 keyCommitment; // keccak256 of the 32-byte dataset key, so a buyer can check the key delivered
        uint96 price; // in token units
        uint32 contentCodec; // multicodec of the content CID (0x70 dag-pb, 0x55 raw)
        uint32 metadataCodec; // multicodec of the metadata CID
        uint32 licenseId; // identifier of the license in the app's license table
        uint32 deliveryWindow; // seconds the seller has to deliver after a purchase
        uint64 previousListingId; // the listing this one is a new version of, 0 for none
        Contributor[] contributors; // paid on each delivery; the seller keeps the rest
    }

    /// @notice A listing as stored.
    struct Listing {
        address seller;
        uint96 price;
        bytes32 contentDigest;
        bytes32 metadataDigest;
        bytes32 keyCommitment;
        uint64 previousListingId;
        uint32 licenseId;
        uint32 contentCodec;
        uint32 metadataCodec;
        uint32 deliveryWindow;
        ListingStatus status;
    }

    /// @notice A purchase as stored. The buyer's public key lives only in the Purchased event.
    struct Purchase {
        address buyer;
        uint96 price; // the price paid, held in escrow until delivery or refund
        uint64 listingId;
        uint40 deadline; // last second at which the key may be delivered
        uint16 feeBps; // protocol fee fixed at purchase time
        PurchaseStatus status;
        bool rated;
        bool mismatchFlagged;
    }

    /// @notice Emitted when a listing is created; `previousListingId` links a new version to the old one.
    event Listed(
        uint256 indexed listingId,
        address indexed seller,
        uint256 indexed previousListingId,
        bytes32 contentDigest,
        bytes32 metadataDigest,
        bytes32 keyCommitment,
        uint256 price,
        uint32 contentCodec,
        uint32 metadataCodec,
        uint32 licenseId,
        uint32 deliveryWindow
    );
    /// @notice Emitted once per contributor of a new listing.
    event ContributorAdded(uint256 indexed listingId, address indexed account, uint16 shareBps);
    /// @notice Emitted when the seller changed the price; purchases already made keep their price.
    event PriceChanged(uint256 indexed listingId, uint256 oldPrice, uint256 newPrice);
    /// @notice Emitted when the seller paused or resumed sales.
    event PausedChanged(uint256 indexed listingId, bool paused);
    /// @notice Emitted when the seller withdrew a listing for good.
    event Delisted(uint256 indexed listingId);
    /// @notice Emitted when a buyer paid into escrow; the seller wraps the key to `buyerPublicKey` (X25519).
    event Purchased(
        uint256 indexed purchaseId,
        uint256 indexed listingId,
        address indexed buyer,
        bytes32 buyerPublicKey,
        uint256 price,
        uint256 deadline
    );
    /// @notice Emitted when the key was delivered and the escrow released (`sellerAmount` after fee and shares).
    event KeyDelivered(
        uint256 indexed purchaseId, address indexed deliveredBy, bytes wrappedKey, uint256 sellerAmount, uint256 fee
    );
    /// @notice Emitted for each contributor paid on a delivery.
    event ContributorPaid(uint256 indexed purchaseId, address indexed account, uint256 amount);
    /// @notice Emitted when the buyer took the escrow back after the deadline.
    event Refunded(uint256 indexed purchaseId, address indexed buyer, uint256 amount);
    /// @notice Emitted when the buyer rated a delivered purchase (1 to 5).
    event Rated(uint256 indexed purchaseId, uint256 indexed listingId, address indexed seller, uint8 stars);
    /// @notice Emitted when the buyer reported that the delivered key does not match the listing's commitment.
    event KeyMismatchFlagged(uint256 indexed purchaseId, uint256 indexed listingId, address indexed seller);
    /// @notice Emitted when a seller authorized or revoked an address to deliver keys on their behalf.
    event DeliveryAgentSet(address indexed seller, address indexed agent, bool authorized);
    /// @notice Emitted when the owner changed the protocol fee.
    event FeeChanged(uint16 oldFeeBps, uint16 newFeeBps);
    /// @notice Emitted when the owner changed the treasury that receives fees.
    event TreasuryChanged(address oldTreasury, address newTreasury);

    /// @notice The listing does not exist.
    error ListingNotFound(uint256 listingId);
    /// @notice The purchase does not exist.
    error PurchaseNotFound(uint256 purchaseId);
    /// @notice Only the listing's seller may do this.
    error NotSeller(uint256 listingId, address caller);
    /// @notice Only the seller or one of their delivery agents may deliver.
    error NotAuthorizedDeliverer(uint256 purchaseId, address caller);
    /// @notice Only the buyer may do this.
    error NotBuyer(uint256 purchaseId, address caller);
    /// @notice The listing is paused or delisted, or the change does not apply to its status.
    error ListingNotActive(uint256 listingId);
    /// @notice The listing was delisted and cannot change any more.
    error ListingIsDelisted(uint256 listingId);
    /// @notice The price exceeds what the buyer accepted.
    error PriceAboveMaximum(uint256 price, uint256 maxPrice);
    /// @notice The purchase is not waiting for delivery any more.
    error PurchaseNotEscrowed(uint256 purchaseId);
    /// @notice The purchase was not delivered.
    error PurchaseNotDelivered(uint256 purchaseId);
    /// @notice The delivery deadline has passed; only a refund remains.
    error DeliveryDeadlinePassed(uint256 purchaseId, uint256 deadline);
    /// @notice The delivery deadline has not passed yet.
    error DeadlineNotReached(uint256 purchaseId, uint256 deadline);
    /// @notice The wrapped key is empty or longer than the maximum.
    error InvalidWrappedKey(uint256 length);
    /// @notice The buyer's public key is zero.
    error InvalidPublicKey();
    /// @notice Stars must be 1 to 5.
    error InvalidRating(uint8 stars);
    /// @notice The purchase was already rated.
    error AlreadyRated(uint256 purchaseId);
    /// @notice The mismatch was already flagged.
    error AlreadyFlagged(uint256 purchaseId);
    /// @notice Contributors must be non-zero addresses with a positive share, at most the maximum count,
    ///         and their shares must not exceed 100%.
    error InvalidContributors();
    /// @notice The delivery window is outside the allowed range.
    error InvalidDeliveryWindow(uint32 deliveryWindow);
    /// @notice The key commitment or the content digest is zero.
    error InvalidListing();
    /// @notice The fee exceeds the cap.
    error FeeTooHigh(uint16 feeBps, uint16 maxFeeBps);
    /// @notice An address parameter was zero.
    error ZeroAddress();

    /// @notice Lists a dataset, or a new version of one of the caller's listings.
    /// @return listingId the new listing's id (ids start at 1)
    function list(ListingParams calldata params) external returns (uint256 listingId);

    /// @notice Changes the price for future purchases. Seller only; not after delisting.
    function setPrice(uint256 listingId, uint96 newPrice) external;

    /// @notice Pauses or resumes sales. Seller only; not after delisting.
    function setPaused(uint256 listingId, bool paused) external;

    /// @notice Withdraws a listing for good. Purchases already made can still be delivered or refunded.
    function delist(uint256 listingId) external;

    /// @notice Authorizes (or revokes) `agent` to deliver keys for all of the caller's listings.
    function setDeliveryAgent(address agent, bool authorized) external;

    /// @notice Buys a listing, paying its price into escrow. The caller must have approved the price.
    /// @param buyerPublicKey the buyer's X25519 public key, to which the seller wraps the dataset key
    /// @param maxPrice the highest price the buyer accepts (protects against a price raised just before)
    /// @return purchaseId the new purchase's id (ids start at 1)
    function buy(uint256 listingId, bytes32 buyerPublicKey, uint256 maxPrice) external returns (uint256 purchaseId);

    /// @notice Buys with an EIP-2612 permit for the price in the same transaction (no separate approval).
    /// @dev A permit already used (e.g. front-run) is tolerated when the allowance suffices anyway.
    function buyWithPermit(
        uint256 listingId,
        bytes32 buyerPublicKey,
        uint256 maxPrice,
        uint256 permitValue,
        uint256 permitDeadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external returns (uint256 purchaseId);

    /// @notice Delivers the dataset key wrapped to the buyer's key (HPKE: 32-byte encapsulated key plus
    ///         AEAD ciphertext) and releases the escrow: fee to the treasury, shares to contributors,
    ///         the rest to the seller. Seller or their delivery agent, before the deadline.
    function deliverKey(uint256 purchaseId, bytes calldata wrappedKey) external;

    /// @notice Returns the escrow to the buyer after the deadline if no key was delivered. Buyer only.
    function refund(uint256 purchaseId) external;

    /// @notice Rates a delivered purchase once, 1 to 5 stars. Buyer only.
    function rate(uint256 purchaseId, uint8 stars) external;

    /// @notice Reports once that the delivered key did not match the listing's key commitment. Buyer only.
    function flagKeyMismatch(uint256 purchaseId) external;

    /// @notice Sets the protocol fee in basis points, at most MAX_FEE_BPS. Owner only.
    function setFee(uint16 feeBps) external;

    /// @notice Sets the address that receives protocol fees. Owner only.
    function setTreasury(address treasury) external;

    /// @notice The listing with this id.
    function getListing(uint256 listingId) external view returns (Listing memory);

    /// @notice The contributors of a listing.
    function getContributors(uint256 listingId) external view returns (Contributor[] memory);

    /// @notice The purchase with this id.
    function getPurchase(uint256 purchaseId) external view returns (Purchase memory);

    /// @notice Whether `agent` may deliver keys for `seller`.
    function isDeliveryAgent(address seller, address agent) external view returns (bool);

    /// @notice The payment token.
    function token() external view returns (address);

    /// @notice The treasury that receives fees.
    function treasury() external view returns (address);

    /// @notice The current protocol fee in basis points.
    function feeBps() external view returns (uint16);

    /// @notice The number of listings created so far (the last id).
    function listingCount() external view returns (uint256);

    /// @notice The number of purchases made so far (the last id).
    function purchaseCount() external view returns (uint256);

    /// @notice Splits a price into the fee, the contributors' amounts and the seller's rest, as delivery pays it.
    function quote(uint256 listingId, uint256 price, uint16 fee)
        external
        view
        returns (uint256 feeAmount, uint256[] memory contributorAmounts, uint256 sellerAmount);
}
