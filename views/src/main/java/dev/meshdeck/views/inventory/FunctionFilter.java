package dev.meshdeck.views.inventory;

import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Everything that narrows the function table: the typed query, the platform chips (none chosen = all
 * platforms) and the scope picked in the source tree.
 */
public record FunctionFilter(FunctionQuery query, Set<Platform> platforms, Scope scope)
        implements Predicate<ServerlessFunction> {

    public static final FunctionFilter NONE = new FunctionFilter(FunctionQuery.ALL, Set.of(), Scope.ALL);

    public FunctionFilter {
        platforms = Set.copyOf(platforms);
    }

    @Override
    public boolean test(ServerlessFunction function) {
        return scope.test(function)
                && (platforms.isEmpty() || platforms.contains(function.platform()))
                && query.test(function);
    }
}
