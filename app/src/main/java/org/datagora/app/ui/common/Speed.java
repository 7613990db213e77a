package org.datagora.app.ui.common;

import java.util.Locale;

/** Throughput in words for progress views: MB/s for real transfers, kB/s for small ones (never "0.0 MB/s"). */
public final class Speed {

    private Speed() {
    }

    /** "12.3 MB/s", "850 kB/s", or empty when nothing moved yet. */
    public static String of(double bytesPerSecond) {
        if (bytesPerSecond <= 0) {
            return "";
        }
        if (bytesPerSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / 1e6);
        }
        return String.format(Locale.ROOT, "%.0f kB/s", Math.max(1, bytesPerSecond / 1e3));
    }

    /** " · 12.3 MB/s" to follow a step's name, or empty. */
    public static String suffix(double bytesPerSecond) {
        String speed = of(bytesPerSecond);
        return speed.isEmpty() ? "" : " · " + speed;
    }
}
