package dev.meshdeck.views.editing;

import dev.meshdeck.core.authz.AccessPolicy;
import dev.meshdeck.core.authz.AccessRule;
import dev.meshdeck.core.authz.PeerAuthenticationPolicy;
import dev.meshdeck.core.authz.RequestCondition;
import dev.meshdeck.core.authz.RequestOperation;
import dev.meshdeck.core.authz.RequestSource;
import dev.meshdeck.core.editing.Draft;
import dev.meshdeck.core.editing.forms.FieldSpec;
import dev.meshdeck.core.editing.forms.SecurityForm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Security form: an AuthorizationPolicy draft (action and its rules, with a rule builder whose fields come
 * from {@link SecurityForm#ruleFields()}) and a PeerAuthentication draft (mTLS mode). Like the Resilience form it
 * keeps no state: every change reads the draft's candidate into a {@link SecurityForm} and writes the form's
 * candidate back.
 */
final class SecurityTab {

    private static final List<String> ACTIONS = List.of("ALLOW", "DENY", "AUDIT");

    private final ChoiceBox<String> action = new ChoiceBox<>(FXCollections.observableArrayList(ACTIONS));
    private final ListView<AccessRule> rules = new ListView<>();
    private final Button addRule = new Button("Add rule");
    private final Button removeRule = new Button("Remove rule");
    private final Map<String, TextField> ruleFields = new LinkedHashMap<>();
    private final Button confirmRule = new Button("Add");
    private final Button cancelRule = new Button("Cancel");
    private final Label ruleProblem = new Label();
    private final VBox builder;
    private final VBox authorization;
    private final ChoiceBox<String> mtls = new ChoiceBox<>();
    private final VBox peer;
    private final Label problem = new Label();
    private final ScrollPane root;
    private Draft accessDraft;
    private Draft peerDraft;
    private boolean refreshing;

    SecurityTab() {
        action.setId("authz-action");
        action.setTooltip(new Tooltip("ALLOW lets in only requests matching a rule, DENY refuses requests matching a "
                + "rule (checked before ALLOW), AUDIT only logs them. CUSTOM delegates to an extension provider: "
                + "edit it in the YAML."));
        action.valueProperty().addListener((obs, old, now) -> {
            if (!refreshing && now != null) {
                applyAccess(f -> f.withAction(AccessPolicy.Action.valueOf(now)));
            }
        });
        rules.setId("authz-rules");
        rules.setPrefHeight(140);
        rules.setPlaceholder(new Label("No rules"));
        rules.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(AccessRule rule, boolean empty) {
                super.updateItem(rule, empty);
                setText(empty || rule == null ? null : describe(rule));
                setWrapText(true);
            }
        });
        addRule.setId("add-rule");
        removeRule.setId("remove-rule");
        addRule.getStyleClass().add("small");
        removeRule.getStyleClass().add("small");
        removeRule.disableProperty().bind(rules.getSelectionModel().selectedItemProperty().isNull());
        removeRule.setOnAction(e -> {
            int index = rules.getSelectionModel().getSelectedIndex();
            if (index >= 0) {
                applyAccess(f -> f.removingRule(index));
            }
        });
        addRule.setOnAction(e -> openBuilder(true));

        GridPane from = grid();
        GridPane to = grid();
        GridPane when = grid();
        for (FieldSpec spec : SecurityForm.ruleFields()) {
            TextField field = new TextField();
            field.setId("rule-" + FieldEditor.idOf(spec.key()));
            field.setPromptText("comma separated");
            field.setPrefColumnCount(8);
            Tooltip tip = new Tooltip(spec.tooltip());
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            field.setTooltip(tip);
            Label label = new Label(spec.label());
            label.setTooltip(tip);
            label.setLabelFor(field);
            label.getStyleClass().add("field-label");
            ruleFields.put(spec.key(), field);
            GridPane grid = spec.key().startsWith("from.") ? from : spec.key().startsWith("to.") ? to : when;
            // a not* field sits beside the field it negates; each label above its field, so narrow forms keep both
            String name = spec.fieldName();
            boolean negation = name.startsWith("not") && name.length() > 3 && Character.isUpperCase(name.charAt(3));
            int row = negation ? Math.max(0, grid.getRowCount() - 1) : grid.getRowCount();
            VBox cell = new VBox(2, label, field);
            GridPane.setHgrow(cell, Priority.ALWAYS);
            grid.add(cell, negation ? 1 : 0, row);
        }
        confirmRule.setId("confirm-rule");
        cancelRule.setId("cancel-rule");
        confirmRule.setDefaultButton(false);
        confirmRule.setOnAction(e -> addBuiltRule());
        cancelRule.setOnAction(e -> openBuilder(false));
        ruleProblem.setId("rule-problem");
        ruleProblem.getStyleClass().add("field-problem");
        ruleProblem.setWrapText(true);
        ruleProblem.managedProperty().bind(ruleProblem.visibleProperty());
        ruleProblem.setVisible(false);
        builder = new VBox(6, new TitledPane("From (sources)", from), new TitledPane("To (operations)", to),
                new TitledPane("When (conditions)", when), ruleProblem, new HBox(6, confirmRule, cancelRule));
        builder.setId("rule-builder");
        builder.managedProperty().bind(builder.visibleProperty());
        builder.setVisible(false);

        HBox actionRow = new HBox(6, new Label("Action"), action);
        actionRow.setAlignment(Pos.CENTER_LEFT);
        authorization = new VBox(8, caption("Authorization policy"), actionRow, rules, new HBox(6, addRule, removeRule),
                builder);
        authorization.managedProperty().bind(authorization.visibleProperty());

        mtls.setId("mtls-mode");
        mtls.getItems().setAll(Arrays.stream(PeerAuthenticationPolicy.MtlsMode.values()).map(Enum::name).toList());
        mtls.setTooltip(new Tooltip("STRICT accepts only mTLS, PERMISSIVE plain text too, DISABLE no mTLS, UNSET "
                + "inherits from the namespace or mesh-wide policy."));
        mtls.valueProperty().addListener((obs, old, now) -> {
            if (!refreshing && now != null) {
                applyPeer(PeerAuthenticationPolicy.MtlsMode.valueOf(now));
            }
        });
        HBox mtlsRow = new HBox(6, new Label("mTLS mode"), mtls);
        mtlsRow.setAlignment(Pos.CENTER_LEFT);
        peer = new VBox(8, caption("Peer authentication"), mtlsRow);
        peer.managedProperty().bind(peer.visibleProperty());

        problem.setId("security-problem");
        problem.getStyleClass().add("traffic-problem");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setVisible(false);
        VBox content = new VBox(12, problem, authorization, peer);
        content.setId("security-form");
        content.getStyleClass().add("traffic-form");
        root = new ScrollPane(content);
        root.setId("security-scroll");
        root.setFitToWidth(true);
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        return grid;
    }

    private static Label caption(String text) {
        Label label = new Label(text.toUpperCase(java.util.Locale.ROOT));
        label.getStyleClass().add("editor-caption");
        return label;
    }

    Node node() {
        return root;
    }

    /** Either draft may be null. */
    void show(Draft accessDraft, Draft peerDraft) {
        this.accessDraft = accessDraft;
        this.peerDraft = peerDraft;
        openBuilder(false);
        refresh();
    }

    Draft accessDraft() {
        return accessDraft;
    }

    Draft peerDraft() {
        return peerDraft;
    }

    private void openBuilder(boolean open) {
        ruleFields.values().forEach(f -> f.setText(""));
        ruleProblem.setVisible(false);
        builder.setVisible(open);
    }

    private static List<String> values(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    private List<String> field(String key) {
        return values(ruleFields.get(key).getText());
    }

    /** The rule the builder's fields describe; "any request" parts are left out. */
    AccessRule builtRule() {
        AccessRule rule = AccessRule.anyRequest();
        RequestSource source = RequestSource.any().withPrincipals(field("from.principals"))
                .withNotPrincipals(field("from.notPrincipals")).withNamespaces(field("from.namespaces"))
                .withNotNamespaces(field("from.notNamespaces")).withIpBlocks(field("from.ipBlocks"))
                .withNotIpBlocks(field("from.notIpBlocks")).withRequestPrincipals(field("from.requestPrincipals"));
        if (!source.equals(RequestSource.any())) {
            rule = rule.withSource(source);
        }
        RequestOperation operation = RequestOperation.any().withMethods(field("to.methods"))
                .withNotMethods(field("to.notMethods")).withPaths(field("to.paths")).withNotPaths(field("to.notPaths"))
                .withPorts(field("to.ports")).withNotPorts(field("to.notPorts")).withHosts(field("to.hosts"))
                .withNotHosts(field("to.notHosts"));
        if (!operation.equals(RequestOperation.any())) {
            rule = rule.withOperation(operation);
        }
        String key = ruleFields.get("when.key").getText().trim();
        List<String> in = field("when.values");
        List<String> notIn = field("when.notValues");
        if (!key.isEmpty() || !in.isEmpty() || !notIn.isEmpty()) {
            rule = rule.withCondition(new RequestCondition(key, in, notIn));
        }
        return rule;
    }

    private void addBuiltRule() {
        AccessRule rule;
        try {
            rule = builtRule();
        } catch (IllegalArgumentException refused) {
            ruleProblem.setText(refused.getMessage());
            ruleProblem.setVisible(true);
            return;
        }
        if (applyAccess(f -> f.addingRule(rule))) {
            openBuilder(false);
        }
    }

    private SecurityForm form(Draft draft) {
        if (draft == null) {
            return null;
        }
        try {
            return SecurityForm.of(draft.candidate());
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private boolean applyAccess(UnaryOperator<SecurityForm> change) {
        SecurityForm form = form(accessDraft);
        if (form == null) {
            refresh();
            return false;
        }
        try {
            accessDraft.update(change.apply(form).candidate());
            return true;
        } catch (RuntimeException refused) {
            problem.setText(refused.getMessage());
            problem.setVisible(true);
            refresh();
            return false;
        }
    }

    private void applyPeer(PeerAuthenticationPolicy.MtlsMode mode) {
        SecurityForm form = form(peerDraft);
        if (form == null) {
            refresh();
            return;
        }
        peerDraft.update(form.withMtlsMode(mode).candidate());
    }

    /** Redraws from the drafts' candidates. */
    void refresh() {
        refreshing = true;
        try {
            authorization.setVisible(accessDraft != null);
            peer.setVisible(peerDraft != null);
            SecurityForm access = form(accessDraft);
            List<String> unreadable = new ArrayList<>();
            if (accessDraft != null && access == null) {
                unreadable.add("The form cannot read this AuthorizationPolicy; fix it in the YAML");
            }
            action.setDisable(access == null);
            addRule.setDisable(access == null);
            rules.setDisable(access == null);
            if (access != null) {
                String name = access.action().name();
                if (!action.getItems().contains(name)) {
                    action.getItems().add(name);
                }
                action.setValue(name);
                rules.getItems().setAll(access.rules());
            }
            SecurityForm pa = form(peerDraft);
            mtls.setDisable(pa == null);
            if (pa != null) {
                PeerAuthenticationPolicy.MtlsMode mode = pa.peerAuthentication().mode();
                mtls.setValue(mode == null ? PeerAuthenticationPolicy.MtlsMode.UNSET.name() : mode.name());
            } else if (peerDraft != null) {
                unreadable.add("The form cannot read this PeerAuthentication; fix it in the YAML");
            }
            problem.setText(String.join("\n", unreadable));
            problem.setVisible(!unreadable.isEmpty());
        } finally {
            refreshing = false;
        }
    }

    /** One line per rule, as an SRE reads it: "from ns payments · to DELETE /api/* · when ...". */
    static String describe(AccessRule rule) {
        List<String> parts = new ArrayList<>();
        for (RequestSource s : rule.from()) {
            parts.add("from " + join(List.of(
                    list("principals", s.principals()), list("not principals", s.notPrincipals()),
                    list("request principals", s.requestPrincipals()), list("namespaces", s.namespaces()),
                    list("not namespaces", s.notNamespaces()), list("IPs", s.ipBlocks()),
                    list("not IPs", s.notIpBlocks()))));
        }
        for (RequestOperation o : rule.to()) {
            parts.add("to " + join(List.of(list("methods", o.methods()), list("not methods", o.notMethods()),
                    list("paths", o.paths()), list("not paths", o.notPaths()), list("ports", o.ports()),
                    list("not ports", o.notPorts()), list("hosts", o.hosts()), list("not hosts", o.notHosts()))));
        }
        for (RequestCondition c : rule.when()) {
            parts.add("when " + c.key() + (c.values().isEmpty() ? "" : " in " + c.values())
                    + (c.notValues().isEmpty() ? "" : " not in " + c.notValues()));
        }
        return parts.isEmpty() ? "any request" : String.join(" · ", parts);
    }

    private static String list(String name, List<String> values) {
        return values.isEmpty() ? "" : name + " " + String.join(", ", values);
    }

    private static String join(List<String> parts) {
        String joined = String.join("; ", parts.stream().filter(p -> !p.isEmpty()).toList());
        return joined.isEmpty() ? "anything" : joined;
    }
}
