// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @title DatagoraToken
/// @notice The ERC-20 payment token of the marketplace, with EIP-2612 permits.
/// @dev New tokens come only from the faucet role, which is meant for development networks; on a real
///      network the deployer simply never grants it, or points the marketplace at an existing token.
contract DatagoraToken is ERC20, ERC20Permit, AccessControl {
    /// @notice The role allowed to mint test tokens.
    bytes32 public constant FAUCET_ROLE = keccak256("FAUCET_ROLE");

    /// @param admin receives the admin role and the faucet role
    constructor(address admin) ERC20("Datagora Token", "DGT") ERC20Permit("Datagora Token") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(FAUCET_ROLE, admin);
    }

    /// @notice Mints test tokens; only for holders of the faucet role.
    function mint(address to, uint256 amount) external onlyRole(FAUCET_ROLE) {
        _mint(to, amount);
    }
}
