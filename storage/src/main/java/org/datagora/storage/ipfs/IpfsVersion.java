package org.datagora.storage.ipfs;

/**
 * What an IPFS node says about its software.
 *
 * @param version the implementation's version, e.g. 0.18.1 for js-ipfs 0.66.1
 * @param repo the repository format version
 */
public record IpfsVersion(String version, String repo) {
}
