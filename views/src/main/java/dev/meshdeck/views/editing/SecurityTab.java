package dev.meshdeck.views.editing;

import dev.meshdeck.core.authz.AccessPolicy;
import dev.meshdeck.core.authz.AccessRule;
import dev.meshdeck.core.authz.JwtRule;
import dev.meshdeck.core.authz.PeerAuthenticationPolicy;
import dev.meshdeck.core.authz.RequestCondition;
import dev.meshdeck.core.authz.RequestOperation;
import dev.meshdeck.core.authz.RequestSource;
import dev.meshdeck.core.editing.Draft;
import dev.meshdeck.core.editing.forms.AccessRuleEntry;
import dev.meshdeck.core.editing.forms.FormField;
import dev.meshdeck.core.editing.forms.JwtIssuerEntry;
import dev.meshdeck.core.editing.forms.NewPolicy;
import dev.meshdeck.core.editing.forms.SecurityForm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
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
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Security form over a function's security objects, one at a time (chosen at the top): an
 * AuthorizationPolicy (action ALLOW/DENY/AUDIT/CUSTOM with its provider, and its rules, added or edited in a rule
 * builder whose fields come from {@link SecurityForm#ruleFields()}), a PeerAuthentication (mTLS mode) or a
 * RequestAuthentication (JWT issuers, edited with the fields of {@link SecurityForm#jwtFields()}). Buttons create
 * the kinds the function lacks. Changes go through a {@link DraftBinding}.
 */
final class SecurityTab {

    private static final List<String> ACTIONS = Arrays.stream(AccessPolicy.Action.values()).map(Enum::name).toList();

    private final ChoiceBox<Draft> object = new ChoiceBox<>();
    private final FlowPane create = new FlowPane(6, 6);
    private final Label empty = FormParts.placeholder("security-placeholder");
    private final DraftBinding<SecurityForm> binding;
    private Consumer<Draft> onSelect = d -> { };
    private Consumer<NewPolicy> onCreate = p -> { };

    private final ChoiceBox<String> action = new ChoiceBox<>(FXCollections.observableArrayList(ACTIONS));
    private final TextField provider = new TextField();
    private final HBox providerRow = new HBox(6);
    private final ListView<AccessRule> rules = new ListView<>();
    private final Button addRule = FormParts.button("Add rule", "add-rule");
    private final Button editRule = FormParts.button("Edit rule", "edit-rule");
    private final Button removeRule = FormParts.button("Remove rule", "remove-rule");
    private final EntryFields ruleFields = new EntryFields(SecurityForm.ruleFields(), SecurityTab::ruleGroup, AccessRuleEntry::isList, "rule");
    private final Button confirmRule = FormParts.button("Add", "confirm-rule");
    private final VBox builder;
    /** The rule the builder edits, or -1 when it builds a new one. */
    private int editing = -1;
    private final VBox authorization;

    private final ChoiceBox<String> mtls = new ChoiceBox<>();
    private final VBox peer;

    private final ListView<JwtRule> issuers = new ListView<>();
    private final Button addIssuer = FormParts.button("Add issuer", "add-issuer");
    private final Button editIssuer = FormParts.button("Edit issuer", "edit-issuer");
    private final Button removeIssuer = FormParts.button("Remove issuer", "remove-issuer");
    private final EntryFields issuerFields = new EntryFields(SecurityForm.jwtFields(), null, JwtIssuerEntry::isList, "jwt");
    private final Button confirmIssuer = FormParts.button("Add", "confirm-issuer");
    private final VBox issuerBuilder;
    private int editingIssuer = -1;
    private final VBox jwt;

    private final Label problem = FormParts.problem("security-problem");
    private final ScrollPane root;
    private boolean refreshing;

    SecurityTab() {
        binding = new DraftBinding<>(SecurityForm::of, SecurityForm::candidate, this::showProblem, this::refresh);
        object.setId("security-object");
        object.setConverter(new StringConverter<>() {
            @Override
            public String toString(Draft d) {
                return d == null ? "" : d.kind() + " " + d.ref().namespace() + "/" + d.ref().name() + (d.isNew() ? " (new)" : "");
            }

            @Override
            public Draft fromString(String s) {
                return null;
            }
        });
        object.valueProperty().addListener((obs, old, now) -> {
            if (!refreshing && now != null && now != binding.draft()) {
                select(now);
                onSelect.accept(now);
            }
        });
        Label objectLabel = new Label("Object");
        objectLabel.setMinWidth(Label.USE_PREF_SIZE);
        HBox objectRow = new HBox(6, objectLabel, object);
        objectRow.setAlignment(Pos.CENTER_LEFT);
        create.setId("security-create");
        create.managedProperty().bind(create.visibleProperty());
        empty.managedProperty().bind(empty.visibleProperty());

        action.setId("authz-action");
        action.setTooltip(new Tooltip("ALLOW lets in only requests matching a rule, DENY refuses requests matching a "
                + "rule (checked before ALLOW), AUDIT only logs them, CUSTOM asks an extension provider (named below) "
                + "about requests matching a rule."));
        action.valueProperty().addListener((obs, old, now) -> {
            providerRow.setVisible("CUSTOM".equals(now));
            if (refreshing || now == null) {
                return;
            }
            if ("CUSTOM".equals(now)) {
                if (!provider.getText().isBlank()) {
                    commitProvider();
                } else {
                    provider.requestFocus();
                }
            } else {
                apply(f -> f.withAction(AccessPolicy.Action.valueOf(now)));
            }
        });
        provider.setId("authz-provider");
        provider.setPromptText("extension provider, e.g. ext-authz");
        provider.setTooltip(new Tooltip("The name of an extensionProvider in the mesh config (meshConfig.extensionProviders) "
                + "that decides on requests matching the rules"));
        provider.setOnAction(e -> commitProvider());
        provider.focusedProperty().addListener((obs, was, now) -> {
            if (!now && !refreshing && "CUSTOM".equals(action.getValue())) {
                commitProvider();
            }
        });
        providerRow.getChildren().addAll(new Label("Provider"), provider);
        providerRow.setAlignment(Pos.CENTER_LEFT);
        providerRow.managedProperty().bind(providerRow.visibleProperty());
        providerRow.setVisible(false);

        rules.setId("authz-rules");
        rules.setPrefHeight(120);
        rules.setPlaceholder(wrapped("No rules"));
        rules.setCellFactory(v -> wrapping(SecurityTab::describe));
        rules.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openRuleBuilder(rules.getSelectionModel().getSelectedIndex());
            }
        });
        editRule.disableProperty().bind(rules.getSelectionModel().selectedItemProperty().isNull());
        removeRule.disableProperty().bind(rules.getSelectionModel().selectedItemProperty().isNull());
        addRule.setOnAction(e -> openRuleBuilder(-1));
        editRule.setTooltip(new Tooltip("Change the selected rule in the builder (or double-click it)"));
        editRule.setOnAction(e -> openRuleBuilder(rules.getSelectionModel().getSelectedIndex()));
        removeRule.setOnAction(e -> {
            int index = rules.getSelectionModel().getSelectedIndex();
            if (index >= 0) {
                apply(f -> f.removingRule(index));
            }
        });
        confirmRule.setOnAction(e -> saveRule());
        Button cancelRule = FormParts.button("Cancel", "cancel-rule");
        cancelRule.setOnAction(e -> closeBuilders());
        builder = new VBox(6, ruleFields.node(), new HBox(6, confirmRule, cancelRule));
        builder.setId("rule-builder");
        builder.managedProperty().bind(builder.visibleProperty());
        builder.setVisible(false);
        HBox actionRow = new HBox(6, new Label("Action"), action);
        actionRow.setAlignment(Pos.CENTER_LEFT);
        authorization = new VBox(8, FormParts.caption("Authorization policy"), actionRow, providerRow, rules,
                new FlowPane(6, 6, addRule, editRule, removeRule), builder);
        authorization.managedProperty().bind(authorization.visibleProperty());

        mtls.setId("mtls-mode");
        mtls.getItems().setAll(Arrays.stream(PeerAuthenticationPolicy.MtlsMode.values()).map(Enum::name).toList());
        mtls.setTooltip(new Tooltip("STRICT accepts only mTLS, PERMISSIVE plain text too, DISABLE no mTLS, UNSET "
                + "inherits from the namespace or mesh-wide policy."));
        mtls.valueProperty().addListener((obs, old, now) -> {
            if (!refreshing && now != null) {
                apply(f -> f.withMtlsMode(PeerAuthenticationPolicy.MtlsMode.valueOf(now)));
            }
        });
        HBox mtlsRow = new HBox(6, new Label("mTLS mode"), mtls);
        mtlsRow.setAlignment(Pos.CENTER_LEFT);
        peer = new VBox(8, FormParts.caption("Peer authentication"), mtlsRow);
        peer.managedProperty().bind(peer.visibleProperty());

        issuers.setId("jwt-issuers");
        issuers.setPrefHeight(100);
        issuers.setPlaceholder(wrapped("No issuer: tokens are not checked"));
        issuers.setCellFactory(v -> wrapping(SecurityTab::describe));
        issuers.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openIssuerBuilder(issuers.getSelectionModel().getSelectedIndex());
            }
        });
        editIssuer.disableProperty().bind(issuers.getSelectionModel().selectedItemProperty().isNull());
        removeIssuer.disableProperty().bind(issuers.getSelectionModel().selectedItemProperty().isNull());
        addIssuer.setOnAction(e -> openIssuerBuilder(-1));
        editIssuer.setOnAction(e -> openIssuerBuilder(issuers.getSelectionModel().getSelectedIndex()));
        removeIssuer.setOnAction(e -> {
            int index = issuers.getSelectionModel().getSelectedIndex();
            if (index >= 0) {
                apply(f -> f.removingJwtRule(index));
            }
        });
        confirmIssuer.setOnAction(e -> saveIssuer());
        Button cancelIssuer = FormParts.button("Cancel", "cancel-issuer");
        cancelIssuer.setOnAction(e -> closeBuilders());
        issuerBuilder = new VBox(6, issuerFields.node(), new HBox(6, confirmIssuer, cancelIssuer));
        issuerBuilder.setId("issuer-builder");
        issuerBuilder.managedProperty().bind(issuerBuilder.visibleProperty());
        issuerBuilder.setVisible(false);
        jwt = new VBox(8, FormParts.caption("Request authentication (JWT issuers)"), issuers,
                new FlowPane(6, 6, addIssuer, editIssuer, removeIssuer), issuerBuilder);
        jwt.managedProperty().bind(jwt.visibleProperty());

        VBox content = new VBox(12, objectRow, create, empty, problem, authorization, peer, jwt);
        content.setId("security-form");
        content.getStyleClass().add("traffic-form");
        root = new ScrollPane(content);
        root.setId("security-scroll");
        root.setFitToWidth(true);
        root.getStyleClass().add("form-scroll");
    }

    private static String ruleGroup(dev.meshdeck.core.editing.forms.FieldSpec spec) {
        return spec.key().startsWith("from.") ? "From (sources)" : spec.key().startsWith("to.") ? "To (operations)"
                : "When (conditions)";
    }

    static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    private static <T> ListCell<T> wrapping(java.util.function.Function<T, String> text) {
        ListCell<T> cell = new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
        cell.setWrapText(true);
        cell.setPrefWidth(0);
        return cell;
    }

    Node node() {
        return root;
    }

    /** Called with the draft chosen at the top, whose YAML the editor should show. */
    void setOnSelect(Consumer<Draft> onSelect) {
        this.onSelect = onSelect;
    }

    /** Called when the SRE asks for a new security object of a kind the function lacks. */
    void setOnCreate(Consumer<NewPolicy> onCreate) {
        this.onCreate = onCreate;
    }

    /**
     * Shows the function's security objects.
     *
     * @param drafts   its AuthorizationPolicies, PeerAuthentications and RequestAuthentications
     * @param selected the one to show, or null for the first
     * @param offers   kinds the SRE may create (those the function lacks)
     */
    void show(List<Draft> drafts, Draft selected, List<NewPolicy> offers) {
        refreshing = true;
        try {
            object.getItems().setAll(drafts);
            Draft pick = selected != null && drafts.contains(selected) ? selected : drafts.isEmpty() ? null : drafts.get(0);
            object.setValue(pick);
            create.getChildren().setAll(EmptyState.createButtons(offers, onCreate));
            create.setVisible(!offers.isEmpty());
            empty.setText(drafts.isEmpty() ? "No AuthorizationPolicy, PeerAuthentication or RequestAuthentication applies "
                    + "to this function yet." : "");
            empty.setVisible(drafts.isEmpty());
        } finally {
            refreshing = false;
        }
        select(object.getValue());
    }

    private void select(Draft draft) {
        binding.bind(draft);
        closeBuilders();
        refresh();
    }

    /** The security object shown (and in the YAML pane), or null. */
    Draft draft() {
        return binding.draft();
    }

    /** The rule builder's fields (tests fill them as a user types). */
    EntryFields ruleFields() {
        return ruleFields;
    }

    EntryFields issuerFields() {
        return issuerFields;
    }

    /** Selects the rule, issuer or control a finding's path points at; false when it is none of them. */
    boolean reveal(String path) {
        var at = SecurityForm.fieldAt(path);
        if (at.isEmpty() || binding.form() == null) {
            return false;
        }
        FormField field = at.get();
        Node target = switch (field.key()) {
            case "rules" -> select(rules, field.index());
            case "jwtRules" -> select(issuers, field.index());
            case "action" -> action;
            case "provider" -> provider;
            case "mtls" -> mtls;
            default -> null;
        };
        if (target == null || !target.isVisible()) {
            return false;
        }
        Reveal.show(root, target);
        return true;
    }

    private static Node select(ListView<?> list, int index) {
        if (index >= 0 && index < list.getItems().size()) {
            list.getSelectionModel().select(index);
            list.scrollTo(index);
        }
        return list;
    }

    private void closeBuilders() {
        ruleFields.clear();
        issuerFields.clear();
        builder.setVisible(false);
        issuerBuilder.setVisible(false);
        editing = -1;
        editingIssuer = -1;
    }

    /** Opens the rule builder on rule {@code index}, or empty for a new rule when -1. */
    private void openRuleBuilder(int index) {
        SecurityForm form = binding.form();
        if (form == null) {
            return;
        }
        closeBuilders();
        if (index >= 0) {
            AccessRule rule = form.rules().get(index);
            var notEditable = AccessRuleEntry.whyNotEditable(rule);
            if (notEditable.isPresent()) {
                showProblem("Rule " + (index + 1) + ": " + notEditable.get());
                return;
            }
            ruleFields.fill(AccessRuleEntry.of(rule)::text);
        }
        editing = index;
        confirmRule.setText(index < 0 ? "Add" : "Save rule " + (index + 1));
        builder.setVisible(true);
    }

    private void saveRule() {
        int index = editing;
        AccessRuleEntry entry = new AccessRuleEntry(ruleFields.values());
        if (apply(f -> index < 0 ? f.addingRule(entry.toRule(null))
                : f.withRule(index, entry.toRule(f.rules().get(index))))) {
            closeBuilders();
        }
    }

    private void openIssuerBuilder(int index) {
        SecurityForm form = binding.form();
        if (form == null) {
            return;
        }
        closeBuilders();
        if (index >= 0) {
            issuerFields.fill(JwtIssuerEntry.of(form.jwtRules().get(index))::text);
        }
        editingIssuer = index;
        confirmIssuer.setText(index < 0 ? "Add" : "Save issuer " + (index + 1));
        issuerBuilder.setVisible(true);
    }

    private void saveIssuer() {
        int index = editingIssuer;
        JwtIssuerEntry entry = new JwtIssuerEntry(issuerFields.values());
        if (apply(f -> index < 0 ? f.addingJwtRule(entry.toRule(null))
                : f.withJwtRule(index, entry.toRule(f.jwtRules().get(index))))) {
            closeBuilders();
        }
    }

    private void commitProvider() {
        String name = provider.getText().trim();
        SecurityForm form = binding.form();
        if (form != null && (form.action() != AccessPolicy.Action.CUSTOM || !name.equals(form.provider()))) {
            apply(f -> f.withCustomAction(name));
        }
    }

    private boolean apply(UnaryOperator<SecurityForm> change) {
        problem.setVisible(false);
        return binding.apply(change);
    }

    private void showProblem(String message) {
        problem.setText(message);
        problem.setVisible(true);
    }

    /** Redraws from the shown draft's candidate. */
    void refresh() {
        refreshing = true;
        try {
            Draft draft = binding.draft();
            SecurityForm form = binding.form();
            String kind = draft == null ? "" : draft.kind();
            authorization.setVisible(kind.equals("AuthorizationPolicy"));
            peer.setVisible(kind.equals("PeerAuthentication"));
            jwt.setVisible(kind.equals("RequestAuthentication"));
            for (Node section : List.of(authorization, peer, jwt)) {
                section.setDisable(form == null);
            }
            if (draft != null && form == null) {
                showProblem("The form cannot read this " + kind + ": " + binding.unreadable() + "; fix it in the YAML");
                return;
            }
            if (form == null) {
                return;
            }
            switch (form.kind()) {
                case AUTHORIZATION_POLICY -> {
                    action.setValue(form.action().name());
                    provider.setText(form.provider() == null ? "" : form.provider());
                    providerRow.setVisible(form.action() == AccessPolicy.Action.CUSTOM);
                    rules.getItems().setAll(form.rules());
                }
                case PEER_AUTHENTICATION -> {
                    PeerAuthenticationPolicy.MtlsMode mode = form.peerAuthentication().mode();
                    mtls.setValue(mode == null ? PeerAuthenticationPolicy.MtlsMode.UNSET.name() : mode.name());
                }
                default -> issuers.getItems().setAll(form.jwtRules());
            }
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

    /** An issuer as one line: "https://auth.example · keys https://... · audiences a, b · forwards the token". */
    static String describe(JwtRule rule) {
        List<String> parts = new ArrayList<>();
        parts.add(rule.issuer());
        if (rule.jwksUri() != null) {
            parts.add("keys " + rule.jwksUri());
        }
        if (!rule.audiences().isEmpty()) {
            parts.add("audiences " + String.join(", ", rule.audiences()));
        }
        if (Boolean.TRUE.equals(rule.forwardOriginalToken())) {
            parts.add("forwards the token");
        }
        return String.join(" · ", parts);
    }

    private static String list(String name, List<String> values) {
        return values.isEmpty() ? "" : name + " " + String.join(", ", values);
    }

    private static String join(List<String> parts) {
        String joined = String.join("; ", parts.stream().filter(p -> !p.isEmpty()).toList());
        return joined.isEmpty() ? "anything" : joined;
    }
}
