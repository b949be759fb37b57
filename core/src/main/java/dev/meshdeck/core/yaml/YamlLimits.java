package dev.meshdeck.core.yaml;

/**
 * Bounds that keep hostile input (alias bombs, deep nesting, huge files) from exhausting memory or stack.
 * The defaults admit any real Kubernetes manifest, including 10 MB multi-document bundles.
 *
 * @param maxChars         size of one input
 * @param maxLineChars     length of one line: SnakeYAML scans a long single-line scalar in quadratic time
 * @param maxDepth         nesting of mappings and sequences
 * @param maxNodes         values in one document, aliases expanded
 * @param maxAliasUses     alias references in one document
 * @param maxAliasedValues values that alias references may add to one document
 */
public record YamlLimits(long maxChars, int maxLineChars, int maxDepth, long maxNodes, int maxAliasUses, long maxAliasedValues) {

    public static final YamlLimits DEFAULT = new YamlLimits(32L * 1024 * 1024, 1024 * 1024, 200, 2_000_000, 10_000, 100_000);
}
