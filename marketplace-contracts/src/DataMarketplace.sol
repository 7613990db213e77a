// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IDataMarketplace} from "./interfaces/IDataMarketplace.sol";

/// @title DataMarketplace
/// @notice Dataset listings with the price in escrow until the seller delivers the key to the buyer alone.
/// @dev Storage is packed so that listing, purchase and delivery stay within their gas budgets: a listing
///      takes five slots, a purchase two, and the wrapped key and the buyer's public key live only in events.
///      The token must be a plain ERC-20 (no fee on transfer, no rebasing); the deployer chooses it once.
contract DataMarketplace is IDataMarketplace, Ownable2Step, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice The highest protocol fee the owner can set: 10%.
    uint16 public constant MAX_FEE_BPS = 1_000;
    /// @notice At most this many contributors per listing, so a delivery's gas stays bounded.
    uint256 public constant MAX_CONTRIBUTORS = 16;
    /// @notice Bounds of a listing's delivery window.
    uint32 public constant MIN_DELIVERY_WINDOW = 10 minutes;
    uint32 public constant MAX_DELIVERY_WINDOW = 30 days;
    /// @notice Longest wrapped key accepted; an HPKE X25519 wrap of a 32-byte key is 80 bytes.
    uint256 public constant MAX_WRAPPED_KEY_LENGTH = 256;

    uint256 private constant BPS = 10_000;

    IERC20 private immutable _token;

    // Packed into one slot so a purchase reads both with one SLOAD.
    address private _treasury;
    uint16 private _feeBps;

    uint256 private _listingCount;
    uint256 private _purchaseCount;

    mapping(uint256 listingId => Listing) private _listings;
    mapping(uint256 listingId => Contributor[]) private _contributors;
    mapping(uint256 purchaseId => Purchase) private _purchases;
    mapping(address seller => mapping(address agent => bool)) private _agents;

    /// @param token_ the ERC-20 that prices are paid in
    /// @param owner_ may set the fee and the treasury
    /// @param treasury_ receives protocol fees
    /// @param feeBps_ the initial protocol fee, at most MAX_FEE_BPS
    constructor(IERC20 token_, address owner_, address treasury_, uint16 feeBps_) Ownable(owner_) {
        if (address(token_) == address(0) || treasury_ == address(0)) revert ZeroAddress();
        if (feeBps_ > MAX_FEE_BPS) revert FeeTooHigh(feeBps_, MAX_FEE_BPS);
        _token = token_;
        _treasury = treasury_;
        _feeBps = feeBps_;
    }

    // ---------------------------------------------------------------- listings

    /// @inheritdoc IDataMarketplace
    function list(ListingParams calldata params) external returns (uint256 listingId) {
        if (params.contentDigest == bytes32(0) || params.keyCommitment == bytes32(0)) revert InvalidListing();
        if (params.deliveryWindow < MIN_DELIVERY_WINDOW || params.deliveryWindow > MAX_DELIVERY_WINDOW) {
            revert InvalidDeliveryWindow(params.deliveryWindow);
        }
        if (params.previousListingId != 0) {
            address previousSeller = _listings[params.previousListingId].seller;
            if (previousSeller == address(0)) revert ListingNotFound(params.previousListingId);
            if (previousSeller != msg.sender) revert NotSeller(params.previousListingId, msg.sender);
        }
        listingId = ++_listingCount;
        _listings[listingId] = Listing({
            seller: msg.sender,
            price: params.price,
            contentDigest: params.contentDigest,
            metadataDigest: params.metadataDigest,
            keyCommitment: params.keyCommitment,
            previousListingId: params.previousListingId,
            licenseId: params.licenseId,
            contentCodec: params.contentCodec,
            metadataCodec: params.metadataCodec,
            deliveryWindow: params.deliveryWindow,
            status: ListingStatus.Active
        });
        emit Listed(
            listingId,
            msg.sender,
            params.previousListingId,
            params.contentDigest,
            params.metadataDigest,
            params.keyCommitment,
            params.price,
            params.contentCodec,
            params.metadataCodec,
            params.licenseId,
            params.deliveryWindow
        );
        if (params.contributors.length != 0) _storeContributors(listingId, params.contributors);
    }

    function _storeContributors(uint256 listingId, Contributor[] calldata contributors) private {
        if (contributors.length > MAX_CONTRIBUTORS) revert InvalidContributors();
        uint256 total;
        Contributor[] storage stored = _contributors[listingId];
        for (uint256 i; i < contributors.length; ++i) {
            Contributor calldata c = contributors[i];
            if (c.account == address(0) || c.shareBps == 0) revert InvalidContributors();
            total += c.shareBps;
            stored.push(c);
            emit ContributorAdded(listingId, c.account, c.shareBps);
        }
        if (total > BPS) revert InvalidContributors();
    }

    /// @inheritdoc IDataMarketplace
    function setPrice(uint256 listingId, uint96 newPrice) external {
        Listing storage listing = _ownedListing(listingId);
        if (listing.status == ListingStatus.Delisted) revert ListingIsDelisted(listingId);
        uint256 oldPrice = listing.price;
        listing.price = newPrice;
        emit PriceChanged(listingId, oldPrice, newPrice);
    }

    /// @inheritdoc IDataMarketplace
    function setPaused(uint256 listingId, bool paused) external {
        Listing storage listing = _ownedListing(listingId);
        if (listing.status == ListingStatus.Delisted) revert ListingIsDelisted(listingId);
        listing.status = paused ? ListingStatus.Paused : ListingStatus.Active;
        emit PausedChanged(listingId, paused);
    }

    /// @inheritdoc IDataMarketplace
    function delist(uint256 listingId) external {
        Listing storage listing = _ownedListing(listingId);
        if (listing.status == ListingStatus.Delisted) revert ListingIsDelisted(listingId);
        listing.status = ListingStatus.Delisted;
        emit Delisted(listingId);
    }

    /// @inheritdoc IDataMarketplace
    function setDeliveryAgent(address agent, bool authorized) external {
        if (agent == address(0)) revert ZeroAddress();
        _agents[msg.sender][agent] = authorized;
        emit DeliveryAgentSet(msg.sender, agent, authorized);
    }

    function _ownedListing(uint256 listingId) private view returns (Listing storage listing) {
        listing = _listings[listingId];
        if (listing.seller == address(0)) revert ListingNotFound(listingId);
        if (listing.seller != msg.sender) revert NotSeller(listingId, msg.sender);
    }

    // --------------------------------------------------------------- purchases

    /// @inheritdoc IDataMarketplace
    function buy(uint256 listingId, bytes32 buyerPublicKey, uint256 maxPrice)
        external
        nonReentrant
        returns (uint256 purchaseId)
    {
        return _buy(listingId, buyerPublicKey, maxPrice);
    }

    /// @inheritdoc IDataMarketplace
    function buyWithPermit(
        uint256 listingId,
        bytes32 buyerPublicKey,
        uint256 maxPrice,
        uint256 permitValue,
        uint256 permitDeadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external nonReentrant returns (uint256 purchaseId) {
        // Anyone who saw the permit in the mempool can submit it first; the purchase must still go through
        // then, and transferFrom below fails cleanly if the allowance is really missing.
        try IERC20Permit(address(_token)).permit(msg.sender, address(this), permitValue, permitDeadline, v, r, s) {}
            catch {}
        return _buy(listingId, buyerPublicKey, maxPrice);
    }

    function _buy(uint256 listingId, bytes32 buyerPublicKey, uint256 maxPrice) private returns (uint256 purchaseId) {
        if (buyerPublicKey == bytes32(0)) revert InvalidPublicKey();
        Listing storage listing = _listings[listingId];
        ListingStatus status = listing.status;
        if (status == ListingStatus.None) revert ListingNotFound(listingId);
        if (status != ListingStatus.Active) revert ListingNotActive(listingId);
        uint96 price = listing.price;
        if (price > maxPrice) revert PriceAboveMaximum(price, maxPrice);
        // Cannot overflow uint40 before the year 36,000, and the window is at most 30 days.
        uint40 deadline = uint40(block.timestamp + listing.deliveryWindow);
        purchaseId = ++_purchaseCount;
        _purchases[purchaseId] = Purchase({
            buyer: msg.sender,
            price: price,
            listingId: uint64(listingId),
            deadline: deadline,
            feeBps: _feeBps,
            status: PurchaseStatus.Escrowed,
            rated: false,
            mismatchFlagged: false
        });
        emit Purchased(purchaseId, listingId, msg.sender, buyerPublicKey, price, deadline);
        _token.safeTransferFrom(msg.sender, address(this), price);
    }

    /// @inheritdoc IDataMarketplace
    function deliverKey(uint256 purchaseId, bytes calldata wrappedKey) external nonReentrant {
        if (wrappedKey.length == 0 || wrappedKey.length > MAX_WRAPPED_KEY_LENGTH) {
            revert InvalidWrappedKey(wrappedKey.length);
        }
        Purchase storage purchase = _purchases[purchaseId];
        PurchaseStatus status = purchase.status;
        if (status == PurchaseStatus.None) revert PurchaseNotFound(purchaseId);
        uint256 listingId = purchase.listingId;
        address seller = _listings[listingId].seller;
        if (msg.sender != seller && !_agents[seller][msg.sender]) revert NotAuthorizedDeliverer(purchaseId, msg.sender);
        if (status != PurchaseStatus.Escrowed) revert PurchaseNotEscrowed(purchaseId);
        if (block.timestamp > purchase.deadline) revert DeliveryDeadlinePassed(purchaseId, purchase.deadline);
        purchase.status = PurchaseStatus.Delivered;

        uint256 price = purchase.price;
        uint256 fee = price * purchase.feeBps / BPS;
        uint256 sellerAmount = price - fee;
        if (_contributors[listingId].length != 0) sellerAmount -= _payContributors(purchaseId, listingId, sellerAmount);
        emit KeyDelivered(purchaseId, msg.sender, wrappedKey, sellerAmount, fee);
        if (fee != 0) _token.safeTransfer(_treasury, fee);
        if (sellerAmount != 0) _token.safeTransfer(seller, sellerAmount);
    }

    /// @dev Pays each contributor its share of `net` and returns the total paid, at most `net` because the
    ///      shares were checked to sum to at most 100% when listing.
    function _payContributors(uint256 purchaseId, uint256 listingId, uint256 net) private returns (uint256 paid) {
        Contributor[] storage contributors = _contributors[listingId];
        uint256 count = contributors.length;
        for (uint256 i; i < count; ++i) {
            Contributor memory c = contributors[i];
            uint256 share = net * c.shareBps / BPS;
            if (share == 0) continue;
            paid += share;
            _token.safeTransfer(c.account, share);
            emit ContributorPaid(purchaseId, c.account, share);
        }
    }

    /// @inheritdoc IDataMarketplace
    function refund(uint256 purchaseId) external nonReentrant {
        Purchase storage purchase = _purchases[purchaseId];
        if (purchase.status == PurchaseStatus.None) revert PurchaseNotFound(purchaseId);
        if (purchase.buyer != msg.sender) revert NotBuyer(purchaseId, msg.sender);
        if (purchase.status != PurchaseStatus.Escrowed) revert PurchaseNotEscrowed(purchaseId);
        if (block.timestamp <= purchase.deadline) revert DeadlineNotReached(purchaseId, purchase.deadline);
        purchase.status = PurchaseStatus.Refunded;
        uint256 amount = purchase.price;
        emit Refunded(purchaseId, msg.sender, amount);
        _token.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc IDataMarketplace
    function rate(uint256 purchaseId, uint8 stars) external {
        if (stars == 0 || stars > 5) revert InvalidRating(stars);
        Purchase storage purchase = _deliveredPurchaseOfCaller(purchaseId);
        if (purchase.rated) revert AlreadyRated(purchaseId);
        purchase.rated = true;
        uint256 listingId = purchase.listingId;
        emit Rated(purchaseId, listingId, _listings[listingId].seller, stars);
    }

    /// @inheritdoc IDataMarketplace
    function flagKeyMismatch(uint256 purchaseId) external {
        Purchase storage purchase = _deliveredPurchaseOfCaller(purchaseId);
        if (purchase.mismatchFlagged) revert AlreadyFlagged(purchaseId);
        purchase.mismatchFlagged = true;
        uint256 listingId = purchase.listingId;
        emit KeyMismatchFlagged(purchaseId, listingId, _listings[listingId].seller);
    }

    function _deliveredPurchaseOfCaller(uint256 purchaseId) private view returns (Purchase storage purchase) {
        purchase = _purchases[purchaseId];
        if (purchase.status == PurchaseStatus.None) revert PurchaseNotFound(purchaseId);
        if (purchase.buyer != msg.sender) revert NotBuyer(purchaseId, msg.sender);
        if (purchase.status != PurchaseStatus.Delivered) revert PurchaseNotDelivered(purchaseId);
    }

    // ------------------------------------------------------------------- owner

    /// @inheritdoc IDataMarketplace
    function setFee(uint16 newFeeBps) external onlyOwner {
        if (newFeeBps > MAX_FEE_BPS) revert FeeTooHigh(newFeeBps, MAX_FEE_BPS);
        uint16 old = _feeBps;
        _feeBps = newFeeBps;
        emit FeeChanged(old, newFeeBps);
    }

    /// @inheritdoc IDataMarketplace
    function setTreasury(address newTreasury) external onlyOwner {
        if (newTreasury == address(0)) revert ZeroAddress();
        address old = _treasury;
        _treasury = newTreasury;
        emit TreasuryChanged(old, newTreasury);
    }

    // ------------------------------------------------------------------- views

    /// @inheritdoc IDataMarketplace
    function getListing(uint256 listingId) external view returns (Listing memory) {
        return _listings[listingId];
    }

    /// @inheritdoc IDataMarketplace
    function getContributors(uint256 listingId) external view returns (Contributor[] memory) {
        return _contributors[listingId];
    }

    /// @inheritdoc IDataMarketplace
    function getPurchase(uint256 purchaseId) external view returns (Purchase memory) {
        return _purchases[purchaseId];
    }

    /// @inheritdoc IDataMarketplace
    function isDeliveryAgent(address seller, address agent) external view returns (bool) {
        return _agents[seller][agent];
    }

    /// @inheritdoc IDataMarketplace
    function token() external view returns (address) {
        return address(_token);
    }

    /// @inheritdoc IDataMarketplace
    function treasury() external view returns (address) {
        return _treasury;
    }

    /// @inheritdoc IDataMarketplace
    function feeBps() external view returns (uint16) {
        return _feeBps;
    }

    /// @inheritdoc IDataMarketplace
    function listingCount() external view returns (uint256) {
        return _listingCount;
    }

    /// @inheritdoc IDataMarketplace
    function purchaseCount() external view returns (uint256) {
        return _purchaseCount;
    }

    /// @inheritdoc IDataMarketplace
    function quote(uint256 listingId, uint256 price, uint16 fee)
        external
        view
        returns (uint256 feeAmount, uint256[] memory contributorAmounts, uint256 sellerAmount)
    {
        feeAmount = price * fee / BPS;
        sellerAmount = price - feeAmount;
        Contributor[] storage contributors = _contributors[listingId];
        uint256 net = sellerAmount;
        contributorAmounts = new uint256[](contributors.length);
        for (uint256 i; i < contributors.length; ++i) {
            contributorAmounts[i] = net * contributors[i].shareBps / BPS;
            sellerAmount -= contributorAmounts[i];
        }
    }
}
