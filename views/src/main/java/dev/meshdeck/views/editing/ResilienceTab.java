package dev.meshdeck.views.editing;

import dev.meshdeck.core.editing.Draft;
import dev.meshdeck.core.editing.forms.FieldSpec;
import dev.meshdeck.core.editing.forms.ResilienceForm;
import dev.meshdeck.core.resilience.LoadBalancer;
import dev.meshdeck.core.resilience.TlsSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Resilience form over a function's DestinationRule draft: load balancer and TLS mode, locality
 * distribute and failover tables, every connectionPool and outlierDetection field (built generically from
 * {@link ResilienceForm#circuitBreakerFields()} by {@link FieldEditor}) grouped as Envoy groups them, and a
 * Tighten preset. Changes go through a {@link DraftBinding}; {@link #refresh()} redraws it from the draft after
 * any change, typed YAML included.
 */
final class ResilienceTab {

    static final String TCP = "Connection pool (TCP)";
    static final String HTTP = "Connection pool (HTTP)";
    static final String OUTLIER = "Outlier detection";

    private final Map<String, FieldEditor> breaker = new LinkedHashMap<>();
    private final FieldEditor loadBalancer;
    private final FieldEditor tlsMode;
    private final Button tighten = FormParts.button("Tighten", "tighten-button");
    private final Label problem = FormParts.problem("resilience-problem");
    private final LocalityEditor locality;
    private final ScrollPane root;
    private final DraftBinding<ResilienceForm> binding;

    ResilienceTab() {
        binding = new DraftBinding<>(ResilienceForm::of, ResilienceForm::candidate, this::showProblem, this::refresh);
        locality = new LocalityEditor(table -> apply(f -> f.withLocality(table)));
        Map<String, FieldSpec> policy = new LinkedHashMap<>();
        ResilienceForm.policyFields().forEach(f -> policy.put(f.key(), f));
        loadBalancer = FieldEditor.of(policy.get("loadBalancer.simple"), text -> apply(f -> f.withLoadBalancer(
                text.isEmpty() ? null : LoadBalancer.simple(LoadBalancer.Algorithm.valueOf(text)))));
        tlsMode = FieldEditor.of(policy.get("tls.mode"), text -> apply(f -> f.withTlsMode(
                text.isEmpty() ? null : TlsSettings.Mode.valueOf(text))));

        tighten.setTooltip(new Tooltip("A stricter circuit breaker that never loosens a setting: halves connection, "
                + "queue, request and retry limits, caps the connect timeout at 1s and ejects failing endpoints sooner"));
        tighten.setOnAction(e -> apply(ResilienceForm::tightened));

        VBox tcp = group();
        VBox http = group();
        VBox outlier = group();
        for (FieldSpec spec : ResilienceForm.circuitBreakerFields()) {
            FieldEditor editor = FieldEditor.of(spec, text -> applyField(spec.key(), text));
            breaker.put(spec.key(), editor);
            (spec.key().startsWith("connectionPool.tcp.") ? tcp
                    : spec.key().startsWith("connectionPool.") ? http : outlier).getChildren().add(editor.node());
        }
        HBox actions = new HBox(8, tighten);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(8, problem, FormParts.caption("Load balancing and TLS"), loadBalancer.node(), tlsMode.node(),
                titled("Locality load balancing", locality.node(), "locality-group"), FormParts.caption("Circuit breaker"), actions, titled(TCP, tcp, "tcp-group"),
                titled(HTTP, http, "http-group"), titled(OUTLIER, outlier, "outlier-group"));
        content.setId("resilience-form");
        content.getStyleClass().add("traffic-form");
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.getStyleClass().add("form-scroll");
    }

    private static VBox group() {
        VBox box = new VBox(6);
        box.getStyleClass().add("field-group");
        return box;
    }

    private static TitledPane titled(String title, Node content, String id) {
        TitledPane pane = new TitledPane(title, content);
        pane.setId(id);
        pane.setExpanded(true);
        return pane;
    }

    Node node() {
        return root;
    }

    void show(Draft draft) {
        binding.bind(draft);
        refresh();
    }

    Draft draft() {
        return binding.draft();
    }

    /** The form over the draft's candidate, or null when the candidate cannot be read as a DestinationRule. */
    ResilienceForm form() {
        return binding.form();
    }

    FieldEditor field(String key) {
        FieldEditor editor = breaker.get(key);
        if (editor == null) {
            throw new IllegalArgumentException("no circuit-breaker field " + key);
        }
        return editor;
    }

    LocalityEditor locality() {
        return locality;
    }

    /** Focuses the field a finding's path points at; false when the path is not one of this form's fields. */
    boolean reveal(String path) {
        var at = ResilienceForm.fieldAt(path);
        if (at.isEmpty() || binding.form() == null) {
            return false;
        }
        String key = at.get().key();
        Node target = switch (key) {
            case "loadBalancer.simple" -> loadBalancer.control();
            case "tls.mode" -> tlsMode.control();
            case "locality" -> locality.node();
            default -> breaker.get(key).control();
        };
        for (Node n = target; n != null; n = n.getParent()) {
            if (n instanceof TitledPane pane) {
                pane.setExpanded(true);
            }
        }
        Reveal.show(root, target);
        return true;
    }

    private void applyField(String key, String text) {
        ResilienceForm form = form();
        if (form == null) {
            return;
        }
        var refused = form.problem(key, text);
        if (refused.isPresent()) {
            breaker.get(key).showProblem(refused.get());
            return;
        }
        apply(f -> f.withValue(key, text));
    }

    private boolean apply(java.util.function.UnaryOperator<ResilienceForm> change) {
        problem.setVisible(false);
        return binding.apply(change);
    }

    private void showProblem(String message) {
        problem.setText(message);
        problem.setVisible(true);
    }

    /** Redraws every control from the draft's candidate. */
    void refresh() {
        ResilienceForm form = binding.form();
        String unreadable = binding.unreadable();
        boolean editable = form != null;
        List<FieldEditor> all = new ArrayList<>(breaker.values());
        all.add(loadBalancer);
        all.add(tlsMode);
        all.forEach(e -> e.setDisable(!editable));
        tighten.setDisable(!editable);
        locality.setDisable(!editable);
        if (!editable) {
            showProblem(unreadable == null ? "" : "The form cannot read this DestinationRule: " + unreadable
                    + "; fix it in the YAML");
            return;
        }
        problem.setVisible(false);
        for (FieldEditor e : breaker.values()) {
            String text;
            try {
                text = form.text(e.spec().key());
            } catch (RuntimeException odd) {
                text = "";
            }
            e.setText(text);
        }
        LoadBalancer lb = form.loadBalancer();
        if (lb instanceof LoadBalancer.Simple simple) {
            loadBalancer.setText(simple.algorithm().name());
        } else {
            loadBalancer.setText("");
            // a consistent-hash balancer is edited in the YAML; the choice would replace it
            loadBalancer.setDisable(lb != null);
        }
        tlsMode.setText(form.tlsMode() == null ? "" : form.tlsMode().name());
        locality.show(form.localityTable());
    }
}
