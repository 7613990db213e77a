package org.datagora.storage.cache;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Splits text into the words the search index stores and matches: lower case, accents removed. */
public final class SearchTokens {
    static final int MIN_LENGTH = 2;
    static final int MAX_LENGTH = 64;

    private SearchTokens() {
    }

    /** The distinct words of the given texts, in order of first appearance. */
    public static Set<String> of(String... texts) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            String folded = Normalizer.normalize(text, Normalizer.Form.NFKD)
                    .replaceAll("\\p{M}+", "")
                    .toLowerCase(Locale.ROOT);
            for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
                if (word.length() >= MIN_LENGTH) {
                    tokens.add(word.length() > MAX_LENGTH ? word.substring(0, MAX_LENGTH) : word);
                }
            }
        }
        return tokens;
    }
}
