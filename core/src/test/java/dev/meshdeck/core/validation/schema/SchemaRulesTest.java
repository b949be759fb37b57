package dev.meshdeck.core.validation.schema;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleAsserter;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each schema rule on its fixture, offline (typed model) and with Istio's CRDs (schema + CEL). */
class SchemaRulesTest {

    static List<Rule> rules(String mode) {
        return mode.equals("crd") ? SchemaRules.fromCrds(IstioCrds.load()) : SchemaRules.offline();
    }

    static Rule rule(String mode, Class<? extends Rule> type) {
        return rules(mode).stream().filter(type::isInstance).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"offline", "crd"})
    void misspeltKindsAndUnservedVersionsAreErrorsWithTheLikelyMeaning(String mode) {
        Rule rule = rule(mode, UnknownApiVersionOrKind.class);
        assertFindings(rule, "schema/kinds.yaml").containsExactly(
                "MD0003@VirtualSevice serverless/typo-kind@kind",
                "MD0003@DestinationRule serverless/wrong-version@apiVersion",
                "MD0003@Gateway serverless/wrong-group@apiVersion",
                "MD0003@Servce serverless/core-typo@kind");
        assertThat(RuleAsserter.run(rule, "schema/kinds.yaml")).extracting(Finding::message).anySatisfy(
                m -> assertThat(m).contains("did you mean VirtualService?")).anySatisfy(
                m -> assertThat(m).contains("did you mean networking.istio.io/v1?")).anySatisfy(
                m -> assertThat(m).contains("did you mean Service?"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"offline", "crd"})
    void kindsOfUnknownGroupsAndKindsWithoutSchemaAreReportedAsNotValidated(String mode) {
        assertFindings(rule(mode, UnknownApiGroup.class), "schema/kinds.yaml")
                .containsExactly("MD0004@Widget serverless/unknown-group@apiVersion");
        assertFindings(rule(mode, SchemaNotAvailable.class), "schema/kinds.yaml")
                .containsExactly("MD0005@Function openfaas-fn/resize@kind");
    }

    @ParameterizedTest
    @ValueSource(strings = {"offline", "crd"})
    void wrongTypeIsReportedAtTheFieldWhereItWasWritten(String mode) {
        Rule rule = rule(mode, SchemaWrongType.class);
        assertFindings(rule, "schema/fields.yaml")
                .containsExactly("MD0100@VirtualService serverless/order@spec.http[0].retries.attempts");
        Finding f = RuleAsserter.run(rule, "schema/fields.yaml").get(0);
        assertThat(f.position().orElseThrow().toString()).isEqualTo("schema/fields.yaml:14:7");
        assertThat(f.message()).contains("must be an integer").contains("\"three\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"offline", "crd"})
    void badEnumValueListsTheAllowedOnesAndTheClosest(String mode) {
        Rule rule = rule(mode, SchemaUnsupportedValue.class);
        assertFindings(rule, "schema/fields.yaml")
                .containsExactly("MD0101@DestinationRule serverless/order@spec.trafficPolicy.tls.mode");
        assertThat(RuleAsserter.run(rule, "schema/fields.yaml").get(0).message())
                .contains("\"SIMPLEX\"").contains("ISTIO_MUTUAL").contains("did you mean SIMPLE?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"offline", "crd"})
    void badDurationsAreInvalidFormatInBothModes(String mode) {
        assertFindings(rule(mode, SchemaInvalidFormat.class), "schema/fields.yaml").containsExactly(
                "MD0104@VirtualService serverless/order@spec.http[0].timeout",
                "MD0104@DestinationRule serverless/order@spec.trafficPolicy.outlierDetection.interval");
    }

    @ParameterizedTest
    @ValueSource(strings = {"offline", "crd"})
    void unknownFieldIsAWarningWithASuggestion(String mode) {
        Rule rule = rule(mode, UnknownField.class);
        assertFindings(rule, "schema/fields.yaml").containsExactly("MD0106@VirtualService serverless/order@spec.htpp");
        assertThat(RuleAsserter.run(rule, "schema/fields.yaml").get(0).message()).contains("did you mean http?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"offline", "crd"})
    void missingDestinationRuleHostIsRequiredButAJwtRuleWithJwksUriNeedsNoIssuer(String mode) {
        // Istio accepts a jwtRule naming only its jwksUri (TestValidateRequestAuthentication "empty issuer and set
        // jwksUri"): requiring the issuer was a false alarm
        assertFindings(rule(mode, SchemaRequiredField.class), "schema/fields.yaml").containsExactly(
                "MD0102@DestinationRule serverless/no-host@spec.host");
    }

    @Test
    void intOrStringAndQuantityAcceptNumbersAndStringsOffline() {
        assertFindings(rule("offline", SchemaWrongType.class), "schema/scalar-unions.yaml")
                .containsExactly("MD0100@Service serverless/order-function@spec.ports[2].targetPort");
    }

    @Test
    void offlineChecksPortsAndPercentagesThatIstiosCrdBoundsLooser() {
        assertFindings(rule("offline", SchemaOutOfRange.class), "schema/fields.yaml").containsExactly(
                "MD0103@VirtualService serverless/order@spec.http[0].route[0].destination.port.number",
                "MD0103@DestinationRule serverless/order@spec.trafficPolicy.outlierDetection.maxEjectionPercent");
        // Istio's CRD allows port numbers up to 2^32-1 and has no maximum on maxEjectionPercent: istiod's
        // webhook rejects them, the CRD schema does not.
        assertFindings(rule("crd", SchemaOutOfRange.class), "schema/fields.yaml").isEmpty();
    }

    @Test
    void crdCelRulesAcrossFieldsAreEnforcedWithTheirOwnMessages() {
        Rule rule = rule("crd", SchemaRuleViolated.class);
        assertFindings(rule, "schema/rules.yaml").containsExactly(
                "MD0105@AuthorizationPolicy serverless/mixed-source@spec.rules[0].from[0].source",
                "MD0105@PeerAuthentication serverless/port-level-without-selector@spec");
        assertThat(RuleAsserter.run(rule, "schema/rules.yaml")).extracting(Finding::message).containsExactly(
                "spec.rules[0].from[0].source: Cannot set serviceAccounts with namespaces or principals",
                "spec: portLevelMtls requires selector");
        // offline there is no CEL: these cross-field rules are only judged with the CRDs
        assertFindings(rule("offline", SchemaRuleViolated.class), "schema/rules.yaml").isEmpty();
    }

    @Test
    void durationsFollowGoSyntaxAndMustReachOneMillisecond() {
        assertThat(ValueChecks.seconds("1h30m")).isEqualTo(5400.0);
        assertThat(ValueChecks.seconds("250ms")).isEqualTo(0.25);
        assertThat(ValueChecks.seconds("1.5s")).isEqualTo(1.5);
        assertThat(ValueChecks.seconds("5")).isNull();
        assertThat(ValueChecks.seconds("soon")).isNull();
        assertThat(ValueChecks.seconds("")).isNull();
    }
}
