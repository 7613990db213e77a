// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {TestBase} from "../utils/TestBase.sol";
import {DatagoraToken} from "../../src/DatagoraToken.sol";
import {DataMarketplace} from "../../src/DataMarketplace.sol";
import {IDataMarketplace} from "../../src/interfaces/IDataMarketplace.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @notice Drives the marketplace with random but well-formed calls from a few sellers, buyers and strangers,
///         and records what each successful call moved so the invariants can check it.
contract MarketplaceHandler is TestBase {
    DatagoraToken internal immutable token;
    DataMarketplace internal immutable market;
    address internal immutable owner;
    address[6] internal actors = [address(0x5E1), address(0x5E2), address(0xB1), address(0xB2), address(0xB3), address(0xA6)];
    address internal constant TREASURY = address(0x7EA5);

    mapping(uint256 purchaseId => bool) public delivered;
    mapping(uint256 purchaseId => bool) public refunded;
    uint256 public refundsToSomeoneElse;
    uint256 public deliveriesNotFullyPaid;

    constructor(DatagoraToken token_, DataMarketplace market_, address owner_) {
        token = token_;
        market = market_;
        owner = owner_;
    }

    /// @dev Called once the handler may mint.
    function init() external {
        for (uint256 i; i < actors.length; ++i) {
            token.mint(actors[i], 1e30);
            vm.prank(actors[i]);
            token.approve(address(market), type(uint256).max);
        }
        // The last actor delivers for the first seller.
        vm.prank(actors[0]);
        market.setDeliveryAgent(actors[5], true);
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }

    function list(uint256 sellerSeed, uint96 price, uint16 shareA, uint16 shareB, bool withContributors) external {
        IDataMarketplace.ListingParams memory p;
        p.contentDigest = keccak256(abi.encode(sellerSeed, price));
        p.keyCommitment = keccak256(abi.encode(price, sellerSeed));
        p.price = uint96(bound(price, 0, 1e24));
        p.deliveryWindow = uint32(bound(shareA, 10 minutes, 2 days));
        if (withContributors) {
            p.contributors = new IDataMarketplace.Contributor[](2);
            p.contributors[0] = IDataMarketplace.Contributor(actors[3], uint16(bound(shareA, 1, 6000)));
            p.contributors[1] = IDataMarketplace.Contributor(address(0xC0), uint16(bound(shareB, 1, 4000)));
        }
        vm.prank(actors[sellerSeed % 2]);
        market.list(p);
    }

    function buy(uint256 buyerSeed, uint256 listingSeed, bool withPermitPath) external {
        uint256 count = market.listingCount();
        if (count == 0) return;
        uint256 listingId = 1 + listingSeed % count;
        address buyer = _actor(buyerSeed);
        vm.prank(buyer);
        if (withPermitPath) {
            // No valid signature here: the call must still go through on the standing allowance.
            market.buyWithPermit(listingId, bytes32(uint256(1)), type(uint256).max, 0, 0, 0, bytes32(0), bytes32(0));
        } else {
            market.buy(listingId, bytes32(uint256(1)), type(uint256).max);
        }
    }

    function deliver(uint256 callerSeed, uint256 purchaseSeed) external {
        uint256 count = market.purchaseCount();
        if (count == 0) return;
        uint256 purchaseId = 1 + purchaseSeed % count;
        IDataMarketplace.Purchase memory p = market.getPurchase(purchaseId);
        uint256 before = token.balanceOf(address(market));
        vm.prank(_actor(callerSeed));
        market.deliverKey(purchaseId, new bytes(80));
        delivered[purchaseId] = true;
        if (before - token.balanceOf(address(market)) != p.price) ++deliveriesNotFullyPaid;
    }

    function refund(uint256 callerSeed, uint256 purchaseSeed) external {
        uint256 count = market.purchaseCount();
        if (count == 0) return;
        uint256 purchaseId = 1 + purchaseSeed % count;
        IDataMarketplace.Purchase memory p = market.getPurchase(purchaseId);
        address caller = _actor(callerSeed);
        uint256 before = token.balanceOf(p.buyer);
        vm.prank(caller);
        market.refund(purchaseId);
        refunded[purchaseId] = true;
        if (caller != p.buyer || token.balanceOf(p.buyer) != before + p.price) ++refundsToSomeoneElse;
    }

    function changeListing(uint256 sellerSeed, uint256 listingSeed, uint96 price, uint8 action) external {
        uint256 count = market.listingCount();
        if (count == 0) return;
        uint256 listingId = 1 + listingSeed % count;
        vm.prank(actors[sellerSeed % 2]);
        if (action % 3 == 0) market.setPrice(listingId, uint96(bound(price, 0, 1e24)));
        else if (action % 3 == 1) market.setPaused(listingId, price % 2 == 0);
        else market.delist(listingId);
    }

    function setFee(uint16 fee) external {
        vm.prank(owner);
        market.setFee(uint16(bound(fee, 0, 1000)));
    }

    function warp(uint32 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 3 days));
    }
}

contract MarketplaceInvariantsTest is TestBase {
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    DatagoraToken internal token;
    DataMarketplace internal market;
    MarketplaceHandler internal handler;

    function setUp() public {
        token = new DatagoraToken(address(this));
        market = new DataMarketplace(IERC20(address(token)), address(this), address(0x7EA5), 250);
        handler = new MarketplaceHandler(token, market, address(this));
        token.grantRole(token.FAUCET_ROLE(), address(handler));
        handler.init();
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function excludeSelectors() public view returns (FuzzSelector[] memory excluded) {
        excluded = new FuzzSelector[](1);
        excluded[0].addr = address(handler);
        excluded[0].selectors = new bytes4[](1);
        excluded[0].selectors[0] = MarketplaceHandler.init.selector;
    }

    /// @dev Balance equals escrow owed; no purchase both paid and refunded; refunds only ever reach the buyer.
    function invariant_escrowAndOutcomes() public view {
        uint256 owed;
        uint256 count = market.purchaseCount();
        for (uint256 id = 1; id <= count; ++id) {
            IDataMarketplace.Purchase memory p = market.getPurchase(id);
            if (p.status == IDataMarketplace.PurchaseStatus.Escrowed) owed += p.price;
            assertTrue(!(handler.delivered(id) && handler.refunded(id)), "paid and refunded");
            assertTrue(handler.delivered(id) == (p.status == IDataMarketplace.PurchaseStatus.Delivered), "delivered");
            assertTrue(handler.refunded(id) == (p.status == IDataMarketplace.PurchaseStatus.Refunded), "refunded");
        }
        assertEq(token.balanceOf(address(market)), owed, "balance == escrows owed");
        assertEq(handler.refundsToSomeoneElse(), 0, "only the buyer is refunded");
        assertEq(handler.deliveriesNotFullyPaid(), 0, "a delivery releases the whole escrow");
    }
}
