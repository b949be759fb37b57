package dev.meshdeck.views.editing;

import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.editing.forms.GatewayForm;
import dev.meshdeck.core.gateways.IngressGateway;
import dev.meshdeck.core.yaml.YamlProblem;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Gateway editor: the servers of one Istio Gateway (add, remove; port number, name and protocol, hosts, TLS mode
 * and the certificate Secret picked from the TLS Secrets of the gateway workload's namespace — names only), with the
 * candidate YAML beside them. "Review and apply…" hands the change to the apply pipeline's review (diff, gate,
 * history). The state is a {@link GatewayForm}; this class lays out the fields and binds them.
 */
public final class GatewayEditor {

    private final ListView<GatewayForm.ServerEntry> servers = new ListView<>();
    private final TextField port = new TextField();
    private final TextField portName = new TextField();
    private final ComboBox<String> protocol = new ComboBox<>();
    private final TextField hosts = new TextField();
    private final ComboBox<ServerTLSSettingsTLSmode> tlsMode = new ComboBox<>();
    private final ComboBox<String> credential = new ComboBox<>();
    private final Label secretsNote = new Label("Reading the TLS Secrets…");
    private final TextArea yaml = new TextArea();
    private final Button apply = new Button("Review and apply…");
    private final VBox root;
    private GatewayForm form;
    /** Set while the fields are filled from the selected server, so that filling them is not an edit. */
    private boolean filling;

    /**
     * @param secrets the names of the TLS Secrets in {@link IngressGateway#credentialNamespace()}, read in the
     *                background; they complete on any thread
     * @param submit  receives the change when the person asks to review it
     */
    public GatewayEditor(IngressGateway gateway, CompletionStage<List<String>> secrets, Consumer<ResourceChange> submit)
            throws YamlProblem {
        form = GatewayForm.fromYaml(gateway.resource().yaml());
        servers.setId("gateway-editor-servers");
        servers.setPrefHeight(140);
        servers.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(GatewayForm.ServerEntry s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.port() + " " + s.protocol() + " · " + String.join(", ", s.hosts())
                        + s.tlsMode().map(m -> " · " + m.name() + s.credentialName().map(c -> " (" + c + ")").orElse("")).orElse(""));
            }
        });
        Button add = new Button("Add server");
        add.setId("gateway-editor-add");
        add.setOnAction(e -> {
            form = form.addServer();
            refresh(form.servers().size() - 1);
        });
        Button remove = new Button("Remove server");
        remove.setId("gateway-editor-remove");
        remove.disableProperty().bind(servers.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            form = form.removeServer(selected());
            refresh(Math.min(selected(), form.servers().size() - 1));
        });

        port.setId("gateway-editor-port");
        port.setTextFormatter(new TextFormatter<>(change -> change.getControlNewText().matches("\\d{0,5}") ? change : null));
        portName.setId("gateway-editor-port-name");
        protocol.setId("gateway-editor-protocol");
        protocol.getItems().setAll(GatewayForm.PROTOCOLS);
        hosts.setId("gateway-editor-hosts");
        hosts.setPromptText("hosts, comma-separated: *.example.com, ns/api.example.com");
        tlsMode.setId("gateway-editor-tls-mode");
        tlsMode.getItems().add(null);
        tlsMode.getItems().addAll(Arrays.asList(ServerTLSSettingsTLSmode.values()));
        tlsMode.setConverter(new StringConverter<>() {
            @Override
            public String toString(ServerTLSSettingsTLSmode mode) {
                return mode == null ? "no TLS" : mode.name();
            }

            @Override
            public ServerTLSSettingsTLSmode fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        credential.setId("gateway-editor-credential");
        credential.setPromptText("TLS Secret in " + gateway.credentialNamespace());
        secretsNote.getStyleClass().add("gateway-editor-note");
        secrets.whenComplete((names, error) -> Platform.runLater(() -> {
            if (error != null) {
                secretsNote.setText("TLS Secrets of " + gateway.credentialNamespace() + " not read: " + error.getMessage());
                return;
            }
            String current = credential.getValue();
            credential.getItems().setAll(names);
            credential.setValue(current);
            secretsNote.setText(names.isEmpty() ? "No TLS Secret in " + gateway.credentialNamespace()
                    : names.size() + (names.size() == 1 ? " TLS Secret in " : " TLS Secrets in ") + gateway.credentialNamespace()
                    + " (names only)");
        }));

        port.textProperty().addListener((o, was, now) -> edit(s -> s.withPort(now.isEmpty() ? 0 : Integer.parseInt(now))));
        portName.textProperty().addListener((o, was, now) -> edit(s -> s.withPortName(now.strip())));
        protocol.valueProperty().addListener((o, was, now) -> edit(s -> s.withProtocol(now == null ? "" : now)));
        hosts.textProperty().addListener((o, was, now) -> edit(s -> s.withHosts(
                Arrays.stream(now.split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList())));
        tlsMode.valueProperty().addListener((o, was, now) -> edit(s -> s.withTlsMode(Optional.ofNullable(now))));
        credential.valueProperty().addListener((o, was, now) -> edit(s -> s.withCredentialName(Optional.ofNullable(now))));
        servers.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> fill());

        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(6);
        fields.addRow(0, new Label("Port"), port, new Label("Name"), portName);
        fields.addRow(1, new Label("Protocol"), protocol, new Label("TLS mode"), tlsMode);
        fields.add(new Label("Hosts"), 0, 2);
        fields.add(hosts, 1, 2, 3, 1);
        fields.add(new Label("Certificate"), 0, 3);
        fields.add(credential, 1, 3, 3, 1);
        fields.add(secretsNote, 1, 4, 3, 1);
        credential.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(hosts, Priority.ALWAYS);

        yaml.setId("gateway-editor-yaml");
        yaml.setEditable(false);
        yaml.getStyleClass().add("yaml-area");
        VBox.setVgrow(yaml, Priority.ALWAYS);
        apply.setId("gateway-editor-apply");
        apply.setDefaultButton(true);
        apply.setOnAction(e -> submit.accept(form.change()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label title = new Label("Gateway " + gateway.qualifiedName() + " · " + gateway.source().label());
        title.getStyleClass().add("gateway-editor-title");
        root = new VBox(8, title, new HBox(8, add, remove), servers, fields, yaml, new HBox(8, gap, apply));
        root.setPadding(new Insets(10));
        root.setId("gateway-editor");
        refresh(form.servers().isEmpty() ? -1 : 0);
    }

    public Node node() {
        return root;
    }

    /** The form as edited so far. */
    public GatewayForm form() {
        return form;
    }

    private int selected() {
        return servers.getSelectionModel().getSelectedIndex();
    }

    private void edit(UnaryOperator<GatewayForm.ServerEntry> change) {
        int index = selected();
        if (filling || index < 0) {
            return;
        }
        GatewayForm.ServerEntry before = form.servers().get(index);
        GatewayForm.ServerEntry after = change.apply(before);
        if (after.equals(before)) {
            return;
        }
        form = form.withServer(index, after);
        filling = true;
        servers.getItems().set(index, after);
        filling = false;
        credential.setDisable(!after.takesCredential());
        if (!after.takesCredential() && credential.getValue() != null) {
            filling = true;
            credential.setValue(null);
            filling = false;
        }
        showCandidate();
    }

    /** Lists the servers again and selects one (-1: none). */
    private void refresh(int select) {
        filling = true;
        servers.getItems().setAll(form.servers());
        filling = false;
        servers.getSelectionModel().clearAndSelect(select);
        fill();
        showCandidate();
    }

    private void fill() {
        int index = selected();
        if (filling) {
            return;
        }
        filling = true;
        try {
            GatewayForm.ServerEntry s = index < 0 ? null : form.servers().get(index);
            for (Node field : List.of(port, portName, protocol, hosts, tlsMode, credential)) {
                field.setDisable(s == null);
            }
            port.setText(s == null || s.port() == 0 ? "" : String.valueOf(s.port()));
            portName.setText(s == null ? "" : s.portName());
            protocol.setValue(s == null ? null : s.protocol());
            hosts.setText(s == null ? "" : String.join(", ", s.hosts()));
            tlsMode.setValue(s == null ? null : s.tlsMode().orElse(null));
            credential.setValue(s == null ? null : s.credentialName().orElse(null));
            credential.setDisable(s == null || !s.takesCredential());
        } finally {
            filling = false;
        }
    }

    private void showCandidate() {
        yaml.setText(form.yaml());
        apply.setDisable(!form.changed());
    }
}
