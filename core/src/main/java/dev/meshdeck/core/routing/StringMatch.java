package dev.meshdeck.core.routing;

import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExact;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExactBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefixBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchRegex;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchRegexBuilder;

/**
 * How a request attribute is compared: exact, prefix, RE2 regex, or mere presence (Istio's empty match
 * {@code {}}, valid for headers and query parameters).
 */
public sealed interface StringMatch {

    record Exact(String value) implements StringMatch {
    }

    record Prefix(String value) implements StringMatch {
    }

    record Regex(String value) implements StringMatch {
    }

    record Present() implements StringMatch {
    }

    static StringMatch exact(String value) {
        return new Exact(value);
    }

    static StringMatch prefix(String value) {
        return new Prefix(value);
    }

    static StringMatch regex(String value) {
        return new Regex(value);
    }

    static StringMatch present() {
        return new Present();
    }

    default io.fabric8.istio.api.api.networking.v1alpha3.StringMatch toFabric8() {
        StringMatchBuilder b = new StringMatchBuilder();
        if (this instanceof Exact e) {
            b.withMatchType(new StringMatchExactBuilder().withExact(e.value()).build());
        } else if (this instanceof Prefix p) {
            b.withMatchType(new StringMatchPrefixBuilder().withPrefix(p.value()).build());
        } else if (this instanceof Regex r) {
            b.withMatchType(new StringMatchRegexBuilder().withRegex(r.value()).build());
        }
        return b.build();
    }

    static StringMatch from(io.fabric8.istio.api.api.networking.v1alpha3.StringMatch match) {
        if (match == null) {
            return null;
        }
        Object type = match.getMatchType();
        if (type instanceof StringMatchExact e) {
            return new Exact(e.getExact());
        }
        if (type instanceof StringMatchPrefix p) {
            return new Prefix(p.getPrefix());
        }
        if (type instanceof StringMatchRegex r) {
            return new Regex(r.getRegex());
        }
        return new Present();
    }
}
