package dev.meshdeck.views;

import java.util.Objects;

/**
 * How the main window presents itself.
 *
 * @param title         shown in the window title and the app bar
 * @param sandboxBanner whether to show the "Sandbox" banner above everything else
 * @param bannerText    the banner's explanation; ignored without a banner
 */
public record WindowOptions(String title, boolean sandboxBanner, String bannerText) {

    public static final String SANDBOX_EXPLANATION = "No kubeconfig found — showing the built-in sandbox estate";

    public WindowOptions {
        Objects.requireNonNull(title, "title");
        bannerText = bannerText == null ? "" : bannerText;
    }

    /** A window on real sources, without banner. */
    public static WindowOptions of(String title) {
        return new WindowOptions(title, false, "");
    }

    /** A window on the built-in sandbox estate, with the standard explanation. */
    public static WindowOptions sandbox(String title) {
        return new WindowOptions(title, true, SANDBOX_EXPLANATION);
    }
}
