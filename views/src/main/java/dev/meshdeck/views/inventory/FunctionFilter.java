package dev.meshdeck.views.inventory;

import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Everything that narrows the function table: the typed query, the platform chips (none chosen = all
 * platforms), the scope picked in the source tree and, when "Needs attention" is on, that rule.
 *
 * @param attention the functions the "Needs attention" toggle keeps; every function when it is off
 */
public record FunctionFilter(FunctionQuery query, Set<Platform> platforms, Scope scope,
                             Predicate<ServerlessFunction> attention)
        implements Predicate<ServerlessFunction> {

    public static final Predicate<ServerlessFunction> ANY = f -> true;

    public static final FunctionFilter NONE = new FunctionFilter(FunctionQuery.ALL, Set.of(), Scope.ALL);

    public FunctionFilter {
        platforms = Set.copyOf(platforms);
    }

    public FunctionFilter(FunctionQuery query, Set<Platform> platforms, Scope scope) {
        this(query, platforms, scope, ANY);
    }

    @Override
    public boolean test(ServerlessFunction function) {
        return scope.test(function)
                && (platforms.isEmpty() || platforms.contains(function.platform()))
                && query.test(function)
                && attention.test(function);
    }
}
