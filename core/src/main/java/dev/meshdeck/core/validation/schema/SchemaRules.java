package dev.meshdeck.core.validation.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.rules.SchemaInvalidFormat;
import dev.meshdeck.core.validation.rules.SchemaNotAvailable;
import dev.meshdeck.core.validation.rules.SchemaOutOfRange;
import dev.meshdeck.core.validation.rules.SchemaRequiredField;
import dev.meshdeck.core.validation.rules.SchemaRuleViolated;
import dev.meshdeck.core.validation.rules.SchemaUnsupportedValue;
import dev.meshdeck.core.validation.rules.SchemaWrongType;
import dev.meshdeck.core.validation.rules.UnknownApiGroup;
import dev.meshdeck.core.validation.rules.UnknownApiVersionOrKind;
import dev.meshdeck.core.validation.rules.UnknownField;
import java.util.List;
import java.util.Optional;

/**
 * The schema rules (MD0003-MD0005, MD0100-MD0106), sharing one schema pass:
 * {@link #fromCrds} when connected (the cluster's CRDs judge, offline typed model for kinds they lack),
 * {@link #offline()} otherwise.
 */
public final class SchemaRules {

    private static final TypedModelSchemas OFFLINE = new TypedModelSchemas();

    private SchemaRules() {
    }

    /** Rules judging with the openAPIV3Schema and CEL rules of these CustomResourceDefinitions. */
    public static List<Rule> fromCrds(List<JsonNode> customResourceDefinitions) {
        return rules(new SchemaCheck(new CrdSchemas(customResourceDefinitions), Optional.of(OFFLINE)));
    }

    /** Rules judging with fabric8's typed models and MeshDeck's own value checks: no cluster needed. */
    public static List<Rule> offline() {
        return rules(new SchemaCheck(OFFLINE, Optional.empty()));
    }

    public static List<Rule> rules(SchemaCheck check) {
        return List.of(
                new UnknownApiVersionOrKind(check),
                new UnknownApiGroup(check),
                new SchemaNotAvailable(check),
                new SchemaWrongType(check),
                new SchemaUnsupportedValue(check),
                new SchemaRequiredField(check),
                new SchemaOutOfRange(check),
                new SchemaInvalidFormat(check),
                new SchemaRuleViolated(check),
                new UnknownField(check));
    }

    /** A check on its own (for one object, without the rule machinery), e.g. for an editor's live feedback. */
    public static SchemaCheck offlineCheck() {
        return new SchemaCheck(OFFLINE, Optional.empty());
    }

    public static SchemaCheck crdCheck(List<JsonNode> customResourceDefinitions) {
        return new SchemaCheck(new CrdSchemas(customResourceDefinitions), Optional.of(OFFLINE));
    }
}
