package dev.meshdeck.core.validation;

import dev.meshdeck.core.validation.rules.AllZeroWeights;
import dev.meshdeck.core.validation.rules.NegativeWeight;
import dev.meshdeck.core.validation.rules.SubsetNotFound;
import dev.meshdeck.core.validation.rules.WeightsNotHundred;
import dev.meshdeck.core.validation.schema.SchemaRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The catalogue of MeshDeck's rules. Codes are stable: a retired code is never reused. */
public final class Rules {

    private Rules() {
    }

    /** The rules of an offline run; with a cluster, replace {@link SchemaRules#offline()} by {@link SchemaRules#fromCrds}. */
    public static List<Rule> defaults() {
        List<Rule> rules = new ArrayList<>(SchemaRules.offline());
        rules.addAll(List.of(
                new SubsetNotFound(),
                new WeightsNotHundred(),
                new NegativeWeight(),
                new AllZeroWeights()));
        return List.copyOf(rules);
    }

    /** Every code MeshDeck can report, including those of input reading, sorted by code. */
    public static List<RuleInfo> catalogue() {
        List<RuleInfo> all = new ArrayList<>();
        all.add(ValidationInput.SYNTAX);
        all.add(ValidationInput.NOT_AN_OBJECT);
        defaults().forEach(r -> all.add(r.info()));
        all.sort(Comparator.comparing(RuleInfo::code));
        return all;
    }

    /** The Markdown table of docs/validation-codes.md. */
    public static String markdownTable() {
        StringBuilder s = new StringBuilder("| code | severity | category | what it finds | istioctl | Kiali |\n");
        s.append("|---|---|---|---|---|---|\n");
        for (RuleInfo r : catalogue()) {
            s.append("| ").append(r.code()).append(" | ").append(r.severity().label()).append(" | ")
                    .append(r.category().label()).append(" | ").append(r.title()).append(" | ")
                    .append(r.istioCode().orElse("")).append(" | ").append(r.kialiCode().orElse("")).append(" |\n");
        }
        return s.toString();
    }
}
