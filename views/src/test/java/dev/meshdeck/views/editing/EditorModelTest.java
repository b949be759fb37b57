package dev.meshdeck.views.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.ResourceRef;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.yaml.SourcePosition;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The editor's status line and Apply rules, without a stage. */
class EditorModelTest {

    private static final SourceRef SANDBOX = new SourceRef.KubeContext("sandbox", "c", "https://127.0.0.1:6443");
    private static final FunctionId ORDER = new FunctionId(SANDBOX, Platform.KUBERNETES, "serverless", "order-function");
    private static final FunctionId FRAUD = new FunctionId(SANDBOX, Platform.KNATIVE, "payments", "fraud-check");
    private static final Finding UNPARSED = new Finding("MD0001", Severity.ERROR, Category.SYNTAX,
            new ResourceRef("VirtualService", "serverless", "order-function"), "",
            Optional.of(new SourcePosition("candidate", 7, 3)), "mapping values are not allowed here",
            Optional.empty(), Optional.empty());

    private final EditorModel model = new EditorModel("Ctrl+Enter");

    @Test
    void anAppliedMessageGoesWhenAnotherFunctionIsShown() {
        model.show(ORDER);
        model.report("Applied and verified: 1 change");

        model.show(ORDER);
        assertThat(model.statusProperty().get()).as("the same function again").isEqualTo("Applied and verified: 1 change");

        model.show(FRAUD);
        assertThat(model.statusProperty().get()).isEmpty();
    }

    @Test
    void anAppliedMessageGoesAtTheNextEdit() {
        model.show(ORDER);
        model.report("Applied and verified: 1 change");

        model.edited();

        assertThat(model.statusProperty().get()).isEmpty();
    }

    @Test
    void applyIsRefusedWhileTheYamlDoesNotParseAndSaysWhere() {
        model.show(ORDER);
        model.yamlProblems(List.of(UNPARSED));

        EditorModel.ApplyState apply = model.apply(1, Optional.empty());
        EditorModel.ApplyState all = model.applyAll(2, Optional.empty());

        assertThat(apply.enabled()).isFalse();
        assertThat(all.enabled()).isFalse();
        assertThat(apply.tooltip()).isEqualTo("The YAML does not parse at line 7: mapping values are not allowed here. "
                + "Fix it, or undo, before applying.");

        model.yamlProblems(List.of());
        assertThat(model.apply(1, Optional.empty()))
                .isEqualTo(new EditorModel.ApplyState(true, "Review and apply the 1 pending change(s) of this function (Ctrl+Enter)"));
    }

    @Test
    void applyIsRefusedWithNothingPendingOrWithProductionDisarmed() {
        model.show(ORDER);

        assertThat(model.apply(0, Optional.empty())).isEqualTo(new EditorModel.ApplyState(false, "No changes of this function to apply"));
        assertThat(model.applyAll(3, Optional.of("Production is read-only: arm it first")))
                .isEqualTo(new EditorModel.ApplyState(false, "Production is read-only: arm it first"));
    }

    @Test
    void anotherFunctionStartsWithoutTheLastOnesYamlProblem() {
        model.show(ORDER);
        model.yamlProblems(List.of(UNPARSED));

        model.show(FRAUD);

        assertThat(model.apply(1, Optional.empty()).enabled()).isTrue();
    }
}
