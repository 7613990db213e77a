// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {TestBase} from "./utils/TestBase.sol";
import {DatagoraToken} from "../src/DatagoraToken.sol";
import {DataMarketplace} from "../src/DataMarketplace.sol";
import {IDataMarketplace} from "../src/interfaces/IDataMarketplace.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @notice Typical calls in a market that is already in use (ids, seller, treasury and escrow hold
///         balances), one per test, so `forge test --match-path "test/Gas*" --gas-report` prints what a user
///         pays per call. Run in isolation, every call is its own transaction (intrinsic gas included).
contract GasMarketplaceTest is TestBase {
    DatagoraToken internal token;
    DataMarketplace internal market;
    address internal seller = address(0x5E11);
    address internal treasury = address(0x7EA5);
    uint256 internal buyerKey = 0xB0B;
    address internal buyer = vm.addr(0xB0B);
    address internal permitBuyer = vm.addr(0xB0C);
    uint256 internal listingId;
    uint256 internal purchaseId;
    uint256 internal sharedPurchaseId;
    address internal contributorA = address(0xC0A);
    address internal contributorB = address(0xC0B);

    function setUp() public {
        token = new DatagoraToken(address(this));
        market = new DataMarketplace(IERC20(address(token)), address(this), treasury, 250);
        token.mint(buyer, 1_000 ether);
        token.mint(seller, 1 ether);
        token.mint(permitBuyer, 1_000 ether);
        token.mint(treasury, 1 ether);
        vm.prank(buyer);
        token.approve(address(market), type(uint256).max);
        vm.startPrank(seller);
        listingId = market.list(_params(keccak256("first")));
        vm.stopPrank();
        vm.startPrank(buyer);
        market.buy(listingId, bytes32(uint256(1)), 1 ether);
        purchaseId = market.buy(listingId, bytes32(uint256(2)), 1 ether);
        vm.stopPrank();
        token.mint(contributorA, 1 ether);
        token.mint(contributorB, 1 ether);
        vm.prank(seller);
        uint256 shared = market.list(_withContributors(keccak256("shared")));
        vm.prank(buyer);
        sharedPurchaseId = market.buy(shared, bytes32(uint256(5)), 1 ether);
    }

    function _withContributors(bytes32 content) internal view returns (IDataMarketplace.ListingParams memory p) {
        p = _params(content);
        p.contributors = new IDataMarketplace.Contributor[](2);
        p.contributors[0] = IDataMarketplace.Contributor(contributorA, 3000);
        p.contributors[1] = IDataMarketplace.Contributor(contributorB, 1000);
    }

    function test_gas_listWithTwoContributors() public {
        vm.prank(seller);
        market.list(_withContributors(keccak256("third")));
        vm.snapshotGasLastCall("DataMarketplace", "list (2 contributors)");
    }

    function test_gas_deliverKeyWithTwoContributors() public {
        vm.prank(seller);
        market.deliverKey(sharedPurchaseId, new bytes(80));
        vm.snapshotGasLastCall("DataMarketplace", "deliverKey (2 contributors)");
    }

    function _params(bytes32 content) internal pure returns (IDataMarketplace.ListingParams memory p) {
        p.contentDigest = content;
        p.metadataDigest = keccak256(abi.encode(content, "metadata"));
        p.keyCommitment = keccak256(abi.encode(content, "key"));
        p.price = 1 ether;
        p.contentCodec = 0x70;
        p.metadataCodec = 0x55;
        p.licenseId = 1;
        p.deliveryWindow = 3 days;
    }

    function test_gas_list() public {
        vm.prank(seller);
        market.list(_params(keccak256("second")));
        vm.snapshotGasLastCall("DataMarketplace", "list");
    }

    function test_gas_buy() public {
        vm.prank(buyer);
        market.buy(listingId, bytes32(uint256(3)), 1 ether);
        vm.snapshotGasLastCall("DataMarketplace", "buy");
    }

    function test_gas_buyWithPermit() public {
        bytes32 typehash =
            keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(abi.encode(typehash, permitBuyer, address(market), 1 ether, 0, deadline));
        (uint8 v, bytes32 r, bytes32 s) =
            vm.sign(0xB0C, keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash)));
        vm.prank(permitBuyer);
        market.buyWithPermit(listingId, bytes32(uint256(4)), 1 ether, 1 ether, deadline, v, r, s);
        vm.snapshotGasLastCall("DataMarketplace", "buyWithPermit");
    }

    function test_gas_deliverKey() public {
        vm.prank(seller);
        market.deliverKey(purchaseId, new bytes(80));
        vm.snapshotGasLastCall("DataMarketplace", "deliverKey");
    }

    function test_gas_refund() public {
        vm.warp(block.timestamp + 3 days + 1);
        vm.prank(buyer);
        market.refund(purchaseId);
        vm.snapshotGasLastCall("DataMarketplace", "refund");
    }
}
