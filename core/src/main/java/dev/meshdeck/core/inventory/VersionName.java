package dev.meshdeck.core.inventory;

/**
 * How a version of a function is named to a person, the same way in the window and in the CLI: without the
 * function's name in front when it carries it ({@code image-resize-00002} of image-resize is {@code 00002}), and,
 * for a Lambda version reached through an alias, with that alias ({@code 3 (live)}). Code keeps using the full
 * version; this text is never parsed back.
 */
public final class VersionName {

    private VersionName() {
    }

    /** {@code 00002} for image-resize's {@code image-resize-00002}; other versions as they are ({@code v2}, {@code 3}). */
    public static String of(String function, String version) {
        String prefix = function + "-";
        return version.startsWith(prefix) && version.length() > prefix.length() ? version.substring(prefix.length()) : version;
    }

    /**
     * @param alias the Lambda alias routing to the version, or "" for none (and for every other platform)
     */
    public static String of(String function, String version, String alias) {
        String shortName = of(function, version);
        return alias.isEmpty() ? shortName : shortName + " (" + alias + ")";
    }

    /** A share of the function's traffic: for a Lambda function its tag is the alias routing it. */
    public static String of(ServerlessFunction function, TrafficShare share) {
        return of(function.name(), share.version(), function.platform() == Platform.LAMBDA ? share.tag() : "");
    }
}
