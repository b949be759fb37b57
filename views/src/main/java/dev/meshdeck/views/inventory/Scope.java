package dev.meshdeck.views.inventory;

import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;

import java.util.function.Predicate;

/**
 * The part of the estate chosen in the source tree: everything, one source, or one platform within a source.
 *
 * @param source   null for every source
 * @param platform null for every platform of the source
 */
public record Scope(SourceRef source, Platform platform) implements Predicate<ServerlessFunction> {

    public static final Scope ALL = new Scope(null, null);

    public static Scope of(SourceRef source) {
        return new Scope(source, null);
    }

    @Override
    public boolean test(ServerlessFunction function) {
        return (source == null || source.equals(function.source()))
                && (platform == null || platform == function.platform());
    }
}
