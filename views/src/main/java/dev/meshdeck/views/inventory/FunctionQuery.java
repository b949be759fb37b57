package dev.meshdeck.views.inventory;

import dev.meshdeck.core.inventory.ServerlessFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the user typed in the filter field: free words and {@code key:value} tokens, all of which must match.
 * A free word matches the name, namespace, platform or source; keys narrow it to one of them:
 * {@code platform:} ({@code p:}), {@code ns:} ({@code namespace:}), {@code source:} ({@code src:},
 * {@code context:}) and {@code name:}. Matching is a case-insensitive substring match; an unknown key is
 * taken as a free word, and a key without a value (still being typed) matches everything.
 */
public final class FunctionQuery implements Predicate<ServerlessFunction> {

    public static final FunctionQuery ALL = new FunctionQuery(List.of());

    private final List<Predicate<ServerlessFunction>> terms;

    private FunctionQuery(List<Predicate<ServerlessFunction>> terms) {
        this.terms = List.copyOf(terms);
    }

    public static FunctionQuery parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        List<Predicate<ServerlessFunction>> terms = new ArrayList<>();
        for (String token : text.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
            int colon = token.indexOf(':');
            Function<ServerlessFunction, List<String>> field = colon > 0 ? field(token.substring(0, colon)) : null;
            if (field == null) {
                terms.add(matching(FunctionQuery::everyField, token));
            } else if (colon < token.length() - 1) {
                terms.add(matching(field, token.substring(colon + 1)));
            }
        }
        return new FunctionQuery(terms);
    }

    @Override
    public boolean test(ServerlessFunction function) {
        for (Predicate<ServerlessFunction> term : terms) {
            if (!term.test(function)) {
                return false;
            }
        }
        return true;
    }

    private static Function<ServerlessFunction, List<String>> field(String key) {
        switch (key) {
            case "platform":
            case "p":
                return f -> List.of(f.platform().id(), f.platform().displayName());
            case "ns":
            case "namespace":
                return f -> List.of(f.namespace());
            case "source":
            case "src":
            case "context":
                return f -> List.of(f.source().label());
            case "name":
                return f -> List.of(f.name());
            default:
                return null;
        }
    }

    private static List<String> everyField(ServerlessFunction f) {
        return List.of(f.name(), f.namespace(), f.platform().id(), f.platform().displayName(), f.source().label());
    }

    private static Predicate<ServerlessFunction> matching(Function<ServerlessFunction, List<String>> field,
                                                          String needle) {
        return f -> field.apply(f).stream().anyMatch(value -> value.toLowerCase(Locale.ROOT).contains(needle));
    }
}
