// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {TestBase} from "./utils/TestBase.sol";
import {DatagoraToken} from "../src/DatagoraToken.sol";
import {DataMarketplace} from "../src/DataMarketplace.sol";
import {IDataMarketplace} from "../src/interfaces/IDataMarketplace.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

contract DataMarketplaceTest is TestBase {
    DatagoraToken internal token;
    DataMarketplace internal market;

    address internal owner = address(0x0A11);
    address internal treasury = address(0x7EA5);
    address internal seller = address(0x5E11);
    address internal agent = address(0xA6E7);
    address internal contributorA = address(0xC0A);
    address internal contributorB = address(0xC0B);
    address internal stranger = address(0xBAD);
    uint256 internal buyerKey = 0xB0B;
    address internal buyer;

    bytes32 internal constant BUYER_PUBLIC_KEY = bytes32(uint256(0x25519));
    uint16 internal constant FEE_BPS = 250;
    uint32 internal constant WINDOW = 1 days;
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    function setUp() public {
        token = new DatagoraToken(address(this));
        market = new DataMarketplace(IERC20(address(token)), owner, treasury, FEE_BPS);
        buyer = vm.addr(buyerKey);
        token.mint(buyer, 1_000_000 ether);
        vm.prank(buyer);
        token.approve(address(market), type(uint256).max);
    }

    // ------------------------------------------------------------ helpers

    function _params(uint96 price) internal pure returns (IDataMarketplace.ListingParams memory p) {
        p.contentDigest = keccak256("content");
        p.metadataDigest = keccak256("metadata");
        p.keyCommitment = keccak256("key");
        p.price = price;
        p.contentCodec = 0x70;
        p.metadataCodec = 0x55;
        p.licenseId = 7;
        p.deliveryWindow = WINDOW;
    }

    function _list(uint96 price) internal returns (uint256) {
        vm.prank(seller);
        return market.list(_params(price));
    }

    function _listWithContributors(uint96 price, uint16 shareA, uint16 shareB) internal returns (uint256) {
        IDataMarketplace.ListingParams memory p = _params(price);
        p.contributors = new IDataMarketplace.Contributor[](2);
        p.contributors[0] = IDataMarketplace.Contributor(contributorA, shareA);
        p.contributors[1] = IDataMarketplace.Contributor(contributorB, shareB);
        vm.prank(seller);
        return market.list(p);
    }

    function _buy(uint256 listingId) internal returns (uint256) {
        vm.prank(buyer);
        return market.buy(listingId, BUYER_PUBLIC_KEY, type(uint256).max);
    }

    function _deliver(uint256 purchaseId) internal {
        vm.prank(seller);
        market.deliverKey(purchaseId, new bytes(80));
    }

    function _signPermit(uint256 value, uint256 deadline) internal view returns (uint8, bytes32, bytes32) {
        bytes32 structHash =
            keccak256(abi.encode(PERMIT_TYPEHASH, buyer, address(market), value, token.nonces(buyer), deadline));
        return vm.sign(buyerKey, keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash)));
    }

    // -------------------------------------------------------- constructor

    function test_constructor_setsConfiguration() public view {
        assertEq(market.token(), address(token), "token");
        assertEq(market.treasury(), treasury, "treasury");
        assertEq(market.feeBps(), FEE_BPS, "fee");
        assertEq(market.owner(), owner, "owner");
    }

    function test_constructor_revertsWhen_zeroTreasury() public {
        vm.expectRevert(IDataMarketplace.ZeroAddress.selector);
        new DataMarketplace(IERC20(address(token)), owner, address(0), FEE_BPS);
    }

    function test_constructor_revertsWhen_feeAboveCap() public {
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.FeeTooHigh.selector, 1001, 1000));
        new DataMarketplace(IERC20(address(token)), owner, treasury, 1001);
    }

    // ------------------------------------------------------------ listing

    function test_list_storesListing() public {
        vm.expectEmit(true, true, true, true);
        emit IDataMarketplace.Listed(
            1, seller, 0, keccak256("content"), keccak256("metadata"), keccak256("key"), 5 ether, 0x70, 0x55, 7, WINDOW
        );
        uint256 id = _list(5 ether);
        IDataMarketplace.Listing memory l = market.getListing(id);
        assertEq(id, 1, "first id");
        assertEq(l.seller, seller, "seller");
        assertEq(l.price, 5 ether, "price");
        assertEq(l.contentDigest, keccak256("content"), "content");
        assertEq(l.metadataDigest, keccak256("metadata"), "metadata");
        assertEq(l.keyCommitment, keccak256("key"), "commitment");
        assertEq(l.licenseId, 7, "license");
        assertEq(l.contentCodec, 0x70, "codec");
        assertTrue(l.status == IDataMarketplace.ListingStatus.Active, "active");
        assertEq(market.listingCount(), 1, "count");
    }

    function test_list_withContributors_storesShares() public {
        uint256 id = _listWithContributors(1 ether, 3000, 2000);
        IDataMarketplace.Contributor[] memory cs = market.getContributors(id);
        assertEq(cs.length, 2, "two");
        assertEq(cs[0].account, contributorA, "a");
        assertEq(cs[1].shareBps, 2000, "b share");
    }

    function test_list_newVersion_linksPrevious() public {
        uint256 first = _list(1 ether);
        IDataMarketplace.ListingParams memory p = _params(2 ether);
        p.previousListingId = uint64(first);
        vm.prank(seller);
        uint256 second = market.list(p);
        assertEq(market.getListing(second).previousListingId, first, "linked");
    }

    function test_list_revertsWhen_keyCommitmentZero() public {
        IDataMarketplace.ListingParams memory p = _params(1);
        p.keyCommitment = bytes32(0);
        vm.expectRevert(IDataMarketplace.InvalidListing.selector);
        market.list(p);
    }

    function test_list_revertsWhen_deliveryWindowTooShort() public {
        IDataMarketplace.ListingParams memory p = _params(1);
        p.deliveryWindow = 60;
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.InvalidDeliveryWindow.selector, uint32(60)));
        market.list(p);
    }

    function test_list_revertsWhen_previousListingMissing() public {
        IDataMarketplace.ListingParams memory p = _params(1);
        p.previousListingId = 9;
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.ListingNotFound.selector, 9));
        market.list(p);
    }

    function test_list_revertsWhen_previousListingOfAnotherSeller() public {
        uint256 first = _list(1);
        IDataMarketplace.ListingParams memory p = _params(1);
        p.previousListingId = uint64(first);
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.NotSeller.selector, first, stranger));
        vm.prank(stranger);
        market.list(p);
    }

    function test_list_revertsWhen_sharesExceedWhole() public {
        vm.expectRevert(IDataMarketplace.InvalidContributors.selector);
        _listWithContributors(1, 6000, 4001);
    }

    function test_list_revertsWhen_contributorShareZero() public {
        vm.expectRevert(IDataMarketplace.InvalidContributors.selector);
        _listWithContributors(1, 6000, 0);
    }

    function test_list_revertsWhen_tooManyContributors() public {
        IDataMarketplace.ListingParams memory p = _params(1);
        p.contributors = new IDataMarketplace.Contributor[](17);
        for (uint256 i; i < 17; ++i) p.contributors[i] = IDataMarketplace.Contributor(address(uint160(100 + i)), 1);
        vm.expectRevert(IDataMarketplace.InvalidContributors.selector);
        market.list(p);
    }

    function test_setPrice_appliesToLaterPurchasesOnly() public {
        uint256 id = _list(1 ether);
        uint256 early = _buy(id);
        vm.expectEmit(true, true, true, true);
        emit IDataMarketplace.PriceChanged(id, 1 ether, 3 ether);
        vm.prank(seller);
        market.setPrice(id, 3 ether);
        uint256 late = _buy(id);
        assertEq(market.getPurchase(early).price, 1 ether, "early price kept");
        assertEq(market.getPurchase(late).price, 3 ether, "new price");
    }

    function test_setPrice_revertsWhen_notSeller() public {
        uint256 id = _list(1);
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.NotSeller.selector, id, stranger));
        vm.prank(stranger);
        market.setPrice(id, 2);
    }

    function test_setPrice_revertsWhen_listingMissing() public {
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.ListingNotFound.selector, 4));
        market.setPrice(4, 2);
    }

    function test_setPrice_revertsWhen_delisted() public {
        uint256 id = _list(1);
        vm.prank(seller);
        market.delist(id);
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.ListingIsDelisted.selector, id));
        vm.prank(seller);
        market.setPrice(id, 2);
    }

    function test_setPaused_stopsAndResumesSales() public {
        uint256 id = _list(1 ether);
        vm.prank(seller);
        market.setPaused(id, true);
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.ListingNotActive.selector, id));
        _buy(id);
        vm.prank(seller);
        market.setPaused(id, false);
        _buy(id);
        assertEq(market.purchaseCount(), 1, "bought after resume");
    }

    function test_setPaused_revertsWhen_delisted() public {
        uint256 id = _list(1);
        vm.prank(seller);
        market.delist(id);
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.ListingIsDelisted.selector, id));
        vm.prank(seller);
        market.setPaused(id, false);
    }

    function test_delist_stopsSalesButKeepsPendingDeliverable() public {
        uint256 id = _list(1 ether);
        uint256 purchaseId = _buy(id);
        vm.prank(seller);
        market.delist(id);
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.ListingNotActive.selector, id));
        _buy(id);
        _deliver(purchaseId);
        assertTrue(market.getPurchase(purchaseId).status == IDataMarketplace.PurchaseStatus.Delivered, "delivered");
    }

    function test_delist_revertsWhen_alreadyDelisted() public {
        uint256 id = _list(1);
        vm.startPrank(seller);
        market.delist(id);
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.ListingIsDelisted.selector, id));
        market.delist(id);
        vm.stopPrank();
    }

    function test_setDeliveryAgent_letsAgentDeliver() public {
        uint256 purchaseId = _buy(_list(1 ether));
        vm.prank(seller);
        market.setDeliveryAgent(agent, true);
        assertTrue(market.isDeliveryAgent(seller, agent), "authorized");
        vm.prank(agent);
        market.deliverKey(purchaseId, new bytes(80));
        assertEq(token.balanceOf(seller), 1 ether - 1 ether * uint256(FEE_BPS) / 10_000, "seller paid, not agent");
        assertEq(token.balanceOf(agent), 0, "agent unpaid");
    }

    function test_setDeliveryAgent_revokedAgentCannotDeliver() public {
        uint256 purchaseId = _buy(_list(1 ether));
        vm.startPrank(seller);
        market.setDeliveryAgent(agent, true);
        market.setDeliveryAgent(agent, false);
        vm.stopPrank();
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.NotAuthorizedDeliverer.selector, purchaseId, agent));
        vm.prank(agent);
        market.deliverKey(purchaseId, new bytes(80));
    }

    function test_setDeliveryAgent_revertsWhen_zeroAddress() public {
        vm.expectRevert(IDataMarketplace.ZeroAddress.selector);
        market.setDeliveryAgent(address(0), true);
    }

    // ----------------------------------------------------------- purchase

    function test_buy_escrowsPrice() public {
        uint256 id = _list(5 ether);
        uint256 before = token.balanceOf(buyer);
        vm.expectEmit(true, true, true, true);
        emit IDataMarketplace.Purchased(1, id, buyer, BUYER_PUBLIC_KEY, 5 ether, block.timestamp + WINDOW);
        uint256 purchaseId = _buy(id);
        IDataMarketplace.Purchase memory p = market.getPurchase(purchaseId);
        assertEq(token.balanceOf(address(market)), 5 ether, "escrowed");
        assertEq(token.balanceOf(buyer), before - 5 ether, "paid");
        assertEq(p.buyer, buyer, "buyer");
        assertEq(p.feeBps, FEE_BPS, "fee snapshot");
        assertEq(p.deadline, block.timestamp + WINDOW, "deadline");
        assertTrue(p.status == IDataMarketplace.PurchaseStatus.Escrowed, "escrowed status");
    }

    function test_buy_revertsWhen_publicKeyZero() public {
        uint256 id = _list(1);
        vm.expectRevert(IDataMarketplace.InvalidPublicKey.selector);
        vm.prank(buyer);
        market.buy(id, bytes32(0), 1);
    }

    function test_buy_revertsWhen_priceAboveMaximum() public {
        uint256 id = _list(2 ether);
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.PriceAboveMaximum.selector, 2 ether, 1 ether));
        vm.prank(buyer);
        market.buy(id, BUYER_PUBLIC_KEY, 1 ether);
    }

    function test_buy_revertsWhen_listingMissing() public {
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.ListingNotFound.selector, 3));
        _buy(3);
    }

    function test_buy_revertsWhen_allowanceMissing() public {
        uint256 id = _list(1 ether);
        token.mint(stranger, 1 ether);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(market), 0, 1 ether)
        );
        vm.prank(stranger);
        market.buy(id, BUYER_PUBLIC_KEY, 1 ether);
    }

    function test_buyWithPermit_escrowsWithoutApproval() public {
        uint256 id = _list(4 ether);
        vm.prank(buyer);
        token.approve(address(market), 0);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(4 ether, deadline);
        vm.prank(buyer);
        uint256 purchaseId = market.buyWithPermit(id, BUYER_PUBLIC_KEY, 4 ether, 4 ether, deadline, v, r, s);
        assertEq(token.balanceOf(address(market)), 4 ether, "escrowed");
        assertEq(token.allowance(buyer, address(market)), 0, "allowance used");
        assertEq(market.getPurchase(purchaseId).buyer, buyer, "buyer");
    }

    function test_buyWithPermit_succeedsWhen_permitFrontRun() public {
        uint256 id = _list(4 ether);
        vm.prank(buyer);
        token.approve(address(market), 0);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(4 ether, deadline);
        token.permit(buyer, address(market), 4 ether, deadline, v, r, s); // someone copies it from the mempool
        vm.prank(buyer);
        market.buyWithPermit(id, BUYER_PUBLIC_KEY, 4 ether, 4 ether, deadline, v, r, s);
        assertEq(token.balanceOf(address(market)), 4 ether, "escrowed anyway");
    }

    // ----------------------------------------------------------- delivery

    function test_deliverKey_paysSellerTreasuryAndContributors() public {
        uint256 id = _listWithContributors(10 ether, 3000, 1000);
        uint256 purchaseId = _buy(id);
        uint256 fee = 10 ether * uint256(FEE_BPS) / 10_000;
        uint256 net = 10 ether - fee;
        bytes memory wrapped = new bytes(80);
        wrapped[0] = 0x42;
        vm.expectEmit(true, true, true, true);
        emit IDataMarketplace.KeyDelivered(purchaseId, seller, wrapped, net - net * 4000 / 10_000, fee);
        vm.prank(seller);
        market.deliverKey(purchaseId, wrapped);
        assertEq(token.balanceOf(treasury), fee, "treasury");
        assertEq(token.balanceOf(contributorA), net * 3000 / 10_000, "contributor a");
        assertEq(token.balanceOf(contributorB), net * 1000 / 10_000, "contributor b");
        assertEq(token.balanceOf(seller), net - net * 4000 / 10_000, "seller");
        assertEq(token.balanceOf(address(market)), 0, "escrow released");
    }

    function test_deliverKey_usesFeeFixedAtPurchase() public {
        uint256 purchaseId = _buy(_list(1 ether));
        vm.prank(owner);
        market.setFee(1000);
        _deliver(purchaseId);
        assertEq(token.balanceOf(treasury), 1 ether * uint256(FEE_BPS) / 10_000, "old fee");
    }

    function test_deliverKey_revertsWhen_callerNotSellerOrAgent() public {
        uint256 purchaseId = _buy(_list(1));
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.NotAuthorizedDeliverer.selector, purchaseId, stranger));
        vm.prank(stranger);
        market.deliverKey(purchaseId, new bytes(80));
    }

    function test_deliverKey_revertsWhen_deadlinePassed() public {
        uint256 purchaseId = _buy(_list(1));
        uint256 deadline = market.getPurchase(purchaseId).deadline;
        vm.warp(deadline + 1);
        vm.expectRevert(
            abi.encodeWithSelector(IDataMarketplace.DeliveryDeadlinePassed.selector, purchaseId, deadline)
        );
        _deliver(purchaseId);
    }

    function test_deliverKey_revertsWhen_alreadyDelivered() public {
        uint256 purchaseId = _buy(_list(1));
        _deliver(purchaseId);
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.PurchaseNotEscrowed.selector, purchaseId));
        _deliver(purchaseId);
    }

    function test_deliverKey_revertsWhen_wrappedKeyEmpty() public {
        uint256 purchaseId = _buy(_list(1));
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.InvalidWrappedKey.selector, 0));
        vm.prank(seller);
        market.deliverKey(purchaseId, "");
    }

    function test_deliverKey_revertsWhen_wrappedKeyTooLong() public {
        uint256 purchaseId = _buy(_list(1));
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.InvalidWrappedKey.selector, 257));
        vm.prank(seller);
        market.deliverKey(purchaseId, new bytes(257));
    }

    function test_deliverKey_revertsWhen_purchaseMissing() public {
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.PurchaseNotFound.selector, 5));
        _deliver(5);
    }

    // ------------------------------------------------------------- refund

    function test_refund_returnsEscrowAfterDeadline() public {
        uint256 before = token.balanceOf(buyer);
        uint256 purchaseId = _buy(_list(3 ether));
        vm.warp(market.getPurchase(purchaseId).deadline + 1);
        vm.expectEmit(true, true, true, true);
        emit IDataMarketplace.Refunded(purchaseId, buyer, 3 ether);
        vm.prank(buyer);
        market.refund(purchaseId);
        assertEq(token.balanceOf(buyer), before, "whole price back");
        assertEq(token.balanceOf(address(market)), 0, "escrow empty");
    }

    function test_refund_thenDeliveryImpossible() public {
        uint256 purchaseId = _buy(_list(3 ether));
        vm.warp(market.getPurchase(purchaseId).deadline + 1);
        vm.prank(buyer);
        market.refund(purchaseId);
        vm.warp(1);
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.PurchaseNotEscrowed.selector, purchaseId));
        _deliver(purchaseId);
    }

    function test_refund_revertsWhen_notBuyer() public {
        uint256 purchaseId = _buy(_list(1));
        vm.warp(block.timestamp + WINDOW + 1);
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.NotBuyer.selector, purchaseId, seller));
        vm.prank(seller);
        market.refund(purchaseId);
    }

    function test_refund_revertsWhen_deadlineNotReached() public {
        uint256 purchaseId = _buy(_list(1));
        uint256 deadline = market.getPurchase(purchaseId).deadline;
        vm.warp(deadline);
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.DeadlineNotReached.selector, purchaseId, deadline));
        vm.prank(buyer);
        market.refund(purchaseId);
    }

    function test_refund_revertsWhen_delivered() public {
        uint256 purchaseId = _buy(_list(1));
        _deliver(purchaseId);
        vm.warp(block.timestamp + WINDOW + 1);
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.PurchaseNotEscrowed.selector, purchaseId));
        vm.prank(buyer);
        market.refund(purchaseId);
    }

    function test_refund_revertsWhen_purchaseMissing() public {
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.PurchaseNotFound.selector, 2));
        market.refund(2);
    }

    // ---------------------------------------------------- rating and flags

    function test_rate_emitsOnce() public {
        uint256 id = _list(1);
        uint256 purchaseId = _buy(id);
        _deliver(purchaseId);
        vm.expectEmit(true, true, true, true);
        emit IDataMarketplace.Rated(purchaseId, id, seller, 4);
        vm.prank(buyer);
        market.rate(purchaseId, 4);
        assertTrue(market.getPurchase(purchaseId).rated, "rated");
    }

    function test_rate_revertsWhen_alreadyRated() public {
        uint256 purchaseId = _buy(_list(1));
        _deliver(purchaseId);
        vm.startPrank(buyer);
        market.rate(purchaseId, 5);
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.AlreadyRated.selector, purchaseId));
        market.rate(purchaseId, 1);
        vm.stopPrank();
    }

    function test_rate_revertsWhen_starsOutOfRange() public {
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.InvalidRating.selector, uint8(6)));
        market.rate(1, 6);
    }

    function test_rate_revertsWhen_notDelivered() public {
        uint256 purchaseId = _buy(_list(1));
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.PurchaseNotDelivered.selector, purchaseId));
        vm.prank(buyer);
        market.rate(purchaseId, 3);
    }

    function test_rate_revertsWhen_notBuyer() public {
        uint256 purchaseId = _buy(_list(1));
        _deliver(purchaseId);
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.NotBuyer.selector, purchaseId, seller));
        vm.prank(seller);
        market.rate(purchaseId, 5);
    }

    function test_flagKeyMismatch_emitsOnce() public {
        uint256 id = _list(1);
        uint256 purchaseId = _buy(id);
        _deliver(purchaseId);
        vm.expectEmit(true, true, true, true);
        emit IDataMarketplace.KeyMismatchFlagged(purchaseId, id, seller);
        vm.prank(buyer);
        market.flagKeyMismatch(purchaseId);
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.AlreadyFlagged.selector, purchaseId));
        vm.prank(buyer);
        market.flagKeyMismatch(purchaseId);
    }

    // -------------------------------------------------------------- owner

    function test_setFee_changesFee() public {
        vm.expectEmit(true, true, true, true);
        emit IDataMarketplace.FeeChanged(FEE_BPS, 1000);
        vm.prank(owner);
        market.setFee(1000);
        assertEq(market.feeBps(), 1000, "fee");
    }

    function test_setFee_revertsWhen_aboveCap() public {
        vm.expectRevert(abi.encodeWithSelector(IDataMarketplace.FeeTooHigh.selector, 1001, 1000));
        vm.prank(owner);
        market.setFee(1001);
    }

    function test_setFee_revertsWhen_notOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        market.setFee(1);
    }

    function test_setTreasury_redirectsFees() public {
        vm.prank(owner);
        market.setTreasury(stranger);
        _deliver(_buy(_list(1 ether)));
        assertEq(token.balanceOf(stranger), 1 ether * uint256(FEE_BPS) / 10_000, "new treasury paid");
    }

    function test_setTreasury_revertsWhen_zeroAddress() public {
        vm.expectRevert(IDataMarketplace.ZeroAddress.selector);
        vm.prank(owner);
        market.setTreasury(address(0));
    }

    function test_transferOwnership_takesEffectOnlyWhenAccepted() public {
        vm.prank(owner);
        market.transferOwnership(stranger);
        assertEq(market.owner(), owner, "still the old owner");
        vm.prank(stranger);
        market.acceptOwnership();
        assertEq(market.owner(), stranger, "new owner");
        vm.prank(stranger);
        market.setFee(0);
        assertEq(market.feeBps(), 0, "new owner sets the fee");
    }

    // --------------------------------------------------------------- fuzz

    function testFuzz_deliverKey_splitsPriceExactly(uint96 price, uint16 fee, uint16 shareA, uint16 shareB) public {
        price = uint96(bound(price, 0, 1_000_000 ether));
        fee = uint16(bound(fee, 0, 1000));
        shareA = uint16(bound(shareA, 1, 9999));
        shareB = uint16(bound(shareB, 1, 10_000 - shareA));
        vm.prank(owner);
        market.setFee(fee);
        uint256 purchaseId = _buy(_listWithContributors(price, shareA, shareB));
        _deliver(purchaseId);
        uint256 feeAmount = uint256(price) * fee / 10_000;
        uint256 net = price - feeAmount;
        assertEq(token.balanceOf(treasury), feeAmount, "fee");
        assertEq(token.balanceOf(contributorA), net * shareA / 10_000, "a");
        assertEq(token.balanceOf(contributorB), net * shareB / 10_000, "b");
        assertEq(
            token.balanceOf(treasury) + token.balanceOf(contributorA) + token.balanceOf(contributorB)
                + token.balanceOf(seller),
            price,
            "all of the price paid out"
        );
        assertLe(feeAmount * 10_000, uint256(price) * 1000, "fee never above cap");
        assertEq(token.balanceOf(address(market)), 0, "nothing stuck");
    }

    function testFuzz_quote_matchesDelivery(uint96 price, uint16 shareA, uint16 shareB) public {
        price = uint96(bound(price, 0, type(uint96).max));
        shareA = uint16(bound(shareA, 1, 5000));
        shareB = uint16(bound(shareB, 1, 5000));
        token.mint(buyer, price);
        uint256 id = _listWithContributors(price, shareA, shareB);
        (uint256 feeAmount, uint256[] memory amounts, uint256 sellerAmount) = market.quote(id, price, FEE_BPS);
        _deliver(_buy(id));
        assertEq(token.balanceOf(treasury), feeAmount, "fee");
        assertEq(token.balanceOf(contributorA), amounts[0], "a");
        assertEq(token.balanceOf(contributorB), amounts[1], "b");
        assertEq(token.balanceOf(seller), sellerAmount, "seller");
    }

    function testFuzz_refund_returnsExactPrice(uint96 price, uint32 lateBy) public {
        price = uint96(bound(price, 0, 1_000_000 ether));
        lateBy = uint32(bound(lateBy, 1, 365 days));
        uint256 before = token.balanceOf(buyer);
        uint256 purchaseId = _buy(_list(price));
        vm.warp(market.getPurchase(purchaseId).deadline + lateBy);
        vm.prank(buyer);
        market.refund(purchaseId);
        assertEq(token.balanceOf(buyer), before, "refunded exactly");
    }
}
