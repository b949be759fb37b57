package dev.meshdeck.views.inventory;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionFilterTest {

    private static final SourceRef SANDBOX = new SourceRef.KubeContext("meshdeck-sandbox", "sandbox", "");
    private static final SourceRef AWS = new SourceRef.AwsRegion("123456789012", "eu-west-1", "");

    private static final ServerlessFunction PAYMENT = function(SANDBOX, Platform.KUBERNETES, "payments", "payment-function");
    private static final ServerlessFunction FRAUD = function(SANDBOX, Platform.KNATIVE, "payments", "fraud-check");
    private static final ServerlessFunction RESIZE = function(SANDBOX, Platform.KNATIVE, "serverless", "image-resize");
    private static final ServerlessFunction INVOICE = function(AWS, Platform.LAMBDA, "", "invoice-pdf");
    private static final List<ServerlessFunction> ALL = List.of(PAYMENT, FRAUD, RESIZE, INVOICE);

    @Test
    void emptyQueryMatchesEverything() {
        assertThat(matches(FunctionQuery.parse("  "))).containsExactlyElementsOf(ALL);
        assertThat(matches(FunctionQuery.parse(null))).containsExactlyElementsOf(ALL);
    }

    @Test
    void freeWordMatchesNameNamespacePlatformOrSourceIgnoringCase() {
        assertThat(matches(FunctionQuery.parse("RESIZE"))).containsExactly(RESIZE);
        assertThat(matches(FunctionQuery.parse("payments"))).containsExactly(PAYMENT, FRAUD);
        assertThat(matches(FunctionQuery.parse("lambda"))).containsExactly(INVOICE);
        assertThat(matches(FunctionQuery.parse("eu-west"))).containsExactly(INVOICE);
    }

    @Test
    void keyedTokensMatchOnlyTheirField() {
        assertThat(matches(FunctionQuery.parse("platform:knative"))).containsExactly(FRAUD, RESIZE);
        assertThat(matches(FunctionQuery.parse("p:AWS"))).containsExactly(INVOICE);
        assertThat(matches(FunctionQuery.parse("ns:payments"))).containsExactly(PAYMENT, FRAUD);
        assertThat(matches(FunctionQuery.parse("source:sandbox"))).containsExactly(PAYMENT, FRAUD, RESIZE);
        // "function" is in payment-function's name but "name:" must not look at the platform or namespace
        assertThat(matches(FunctionQuery.parse("name:function"))).containsExactly(PAYMENT);
    }

    @Test
    void everyTermMustMatch() {
        assertThat(matches(FunctionQuery.parse("ns:payments platform:knative"))).containsExactly(FRAUD);
        assertThat(matches(FunctionQuery.parse("payments resize"))).isEmpty();
    }

    @Test
    void keyStillBeingTypedMatchesEverythingAndUnknownKeyIsAWord() {
        assertThat(matches(FunctionQuery.parse("ns:"))).containsExactlyElementsOf(ALL);
        assertThat(matches(FunctionQuery.parse("image:resize"))).isEmpty();
    }

    @Test
    void filterCombinesQueryPlatformChipsAndTreeScope() {
        FunctionFilter knativeInSandbox = new FunctionFilter(FunctionQuery.ALL, Set.of(), new Scope(SANDBOX, Platform.KNATIVE));
        FunctionFilter chips = new FunctionFilter(FunctionQuery.ALL, Set.of(Platform.LAMBDA, Platform.KUBERNETES), Scope.ALL);
        FunctionFilter scopedQuery = new FunctionFilter(FunctionQuery.parse("payments"), Set.of(), Scope.of(SANDBOX));

        assertThat(matches(FunctionFilter.NONE)).containsExactlyElementsOf(ALL);
        assertThat(matches(knativeInSandbox)).containsExactly(FRAUD, RESIZE);
        assertThat(matches(chips)).containsExactly(PAYMENT, INVOICE);
        assertThat(matches(scopedQuery)).containsExactly(PAYMENT, FRAUD);
    }

    private static List<ServerlessFunction> matches(Predicate<ServerlessFunction> filter) {
        return ALL.stream().filter(filter).toList();
    }

    @Test
    void needsAttentionKeepsOnlyWhatTheRuleKeeps() {
        FunctionFilter attention = new FunctionFilter(FunctionQuery.ALL, Set.of(), Scope.ALL, f -> f == FRAUD || f == INVOICE);
        FunctionFilter attentionInSandbox = new FunctionFilter(FunctionQuery.ALL, Set.of(), Scope.of(SANDBOX),
                f -> f == FRAUD || f == INVOICE);

        assertThat(ALL.stream().filter(attention)).containsExactly(FRAUD, INVOICE);
        assertThat(ALL.stream().filter(attentionInSandbox)).containsExactly(FRAUD);
    }

    static ServerlessFunction function(SourceRef source, Platform platform, String namespace, String name) {
        return new ServerlessFunction(new FunctionId(source, platform, namespace, name), List.of(),
                MeshStatus.NOT_IN_MESH, Health.UNKNOWN, Map.of());
    }
}
