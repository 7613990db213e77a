// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {TestBase} from "./utils/TestBase.sol";
import {DatagoraToken} from "../src/DatagoraToken.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

contract DatagoraTokenTest is TestBase {
    DatagoraToken internal token;
    address internal admin = address(0xA11CE);
    uint256 internal ownerKey = 0xB0B;
    address internal owner;
    address internal spender = address(0x5EED);

    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    function setUp() public {
        token = new DatagoraToken(admin);
        owner = vm.addr(ownerKey);
    }

    function test_metadata() public view {
        assertTrue(keccak256(bytes(token.symbol())) == keccak256("DGT"), "symbol");
        assertEq(token.decimals(), 18, "decimals");
    }

    function test_mint_byFaucet() public {
        vm.prank(admin);
        token.mint(owner, 100 ether);
        assertEq(token.balanceOf(owner), 100 ether, "balance");
        assertEq(token.totalSupply(), 100 ether, "supply");
    }

    function test_mint_revertsWhen_callerLacksFaucetRole() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, spender, token.FAUCET_ROLE()
            )
        );
        vm.prank(spender);
        token.mint(spender, 1);
    }

    function test_grantFaucet_letsNewMinterMint() public {
        bytes32 role = token.FAUCET_ROLE();
        vm.prank(admin);
        token.grantRole(role, spender);
        vm.prank(spender);
        token.mint(spender, 5);
        assertEq(token.balanceOf(spender), 5, "minted");
    }

    function testFuzz_transfer_movesExactAmount(uint256 minted, uint256 sent) public {
        minted = bound(minted, 0, type(uint128).max);
        sent = bound(sent, 0, minted);
        vm.prank(admin);
        token.mint(owner, minted);
        vm.prank(owner);
        token.transfer(spender, sent);
        assertEq(token.balanceOf(owner), minted - sent, "sender");
        assertEq(token.balanceOf(spender), sent, "receiver");
        assertEq(token.totalSupply(), minted, "supply unchanged");
    }

    function testFuzz_transfer_revertsWhen_balanceTooLow(uint256 minted, uint256 extra) public {
        minted = bound(minted, 0, type(uint128).max);
        extra = bound(extra, 1, type(uint128).max);
        vm.prank(admin);
        token.mint(owner, minted);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, owner, minted, minted + extra)
        );
        vm.prank(owner);
        token.transfer(spender, minted + extra);
    }

    function testFuzz_permit_setsAllowance(uint256 value, uint256 deadline) public {
        deadline = bound(deadline, block.timestamp, type(uint64).max);
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(ownerKey, owner, spender, value, 0, deadline);
        token.permit(owner, spender, value, deadline, v, r, s);
        assertEq(token.allowance(owner, spender), value, "allowance");
        assertEq(token.nonces(owner), 1, "nonce used");
    }

    function test_permit_revertsWhen_expired() public {
        vm.warp(1000);
        uint256 deadline = 999;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(ownerKey, owner, spender, 1, 0, deadline);
        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612ExpiredSignature.selector, deadline));
        token.permit(owner, spender, 1, deadline, v, r, s);
    }

    function test_permit_revertsWhen_signedByAnotherKey() public {
        uint256 deadline = block.timestamp + 1;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(0xBAD, owner, spender, 1, 0, deadline);
        vm.expectRevert(
            abi.encodeWithSelector(ERC20Permit.ERC2612InvalidSigner.selector, vm.addr(0xBAD), owner)
        );
        token.permit(owner, spender, 1, deadline, v, r, s);
    }

    function test_permit_thenTransferFrom() public {
        vm.prank(admin);
        token.mint(owner, 10 ether);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(ownerKey, owner, spender, 4 ether, 0, deadline);
        token.permit(owner, spender, 4 ether, deadline, v, r, s);
        vm.prank(spender);
        token.transferFrom(owner, spender, 4 ether);
        assertEq(token.balanceOf(spender), 4 ether, "pulled");
        assertEq(token.allowance(owner, spender), 0, "allowance spent");
    }

    function _signPermit(uint256 key, address holder, address to, uint256 value, uint256 nonce, uint256 deadline)
        internal
        view
        returns (uint8, bytes32, bytes32)
    {
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, holder, to, value, nonce, deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
        return vm.sign(key, digest);
    }
}
