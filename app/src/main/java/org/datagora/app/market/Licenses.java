package org.datagora.app.market;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The table of licenses a listing can name on chain: common SPDX identifiers for data and code, each with
 * a fixed number (the listing's {@code licenseId}); 0 means a custom license spelled out in the metadata.
 * Numbers are never reused or reordered, since listings already on chain refer to them.
 */
public final class Licenses {

    /** The on-chain id of a custom license, whose name and terms live only in the metadata. */
    public static final int CUSTOM = 0;

    private static final Map<Integer, String> BY_ID = new LinkedHashMap<>();

    static {
        String[] spdx = {
            "CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0", "CC-BY-ND-4.0",
            "CC-BY-NC-ND-4.0", "ODbL-1.0", "ODC-By-1.0", "PDDL-1.0", "CDLA-Permissive-2.0", "CDLA-Sharing-1.0",
            "MIT", "Apache-2.0", "BSD-3-Clause", "GPL-3.0-only", "LGPL-3.0-only", "MPL-2.0", "Unlicense",
            "OGL-UK-3.0", "etalab-2.0", "DL-DE-BY-2.0"};
        for (int i = 0; i < spdx.length; i++) {
            BY_ID.put(i + 1, spdx[i]);
        }
    }

    private Licenses() {
    }

    /** Every SPDX identifier of the table, in id order. */
    public static List<String> spdxIdentifiers() {
        return List.copyOf(BY_ID.values());
    }

    /** The on-chain id of an SPDX identifier (case-insensitive); {@link #CUSTOM} when it is not in the table. */
    public static int idOf(String license) {
        if (license == null) {
            return CUSTOM;
        }
        String wanted = license.strip().toLowerCase(Locale.ROOT);
        return BY_ID.entrySet().stream().filter(e -> e.getValue().toLowerCase(Locale.ROOT).equals(wanted))
                .map(Map.Entry::getKey).findFirst().orElse(CUSTOM);
    }

    /** The SPDX identifier of an on-chain id, empty for {@link #CUSTOM} and unknown ids. */
    public static Optional<String> spdxOf(int id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** What to show for an on-chain license id: its SPDX identifier, or "Custom license" (terms in the metadata). */
    public static String name(int id) {
        return spdxOf(id).orElse("Custom license");
    }

    /** The identifier as the table spells it, or the text given for a custom license. */
    public static String canonical(String license) {
        int id = idOf(license);
        return id == CUSTOM ? license.strip() : BY_ID.get(id);
    }
}
