package dev.meshdeck.views.topology;

import dev.meshdeck.core.gateways.IngressGateway;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The selected Gateway under the graph, as an SRE checks an ingress: which pods it configures, each server's port,
 * protocol, hosts, TLS mode and certificate Secret, and the VirtualServices bound to it; "Edit servers…" opens it in
 * the policy editor.
 */
final class GatewayDetails {

    private final Label title = new Label();
    private final Label workloads = new Label();
    private final Label bound = new Label();
    private final TableView<IngressGateway.Server> servers = new TableView<>();
    private final Button edit = new Button("Edit servers…");
    private final VBox root;
    private IngressGateway shown;
    private Consumer<IngressGateway> onEdit;

    GatewayDetails() {
        title.getStyleClass().add("gateway-details-title");
        workloads.getStyleClass().add("gateway-details-muted");
        bound.setWrapText(true);
        servers.setId("gateway-servers");
        servers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        servers.getColumns().addAll(List.of(
                column("Port", s -> s.port() > 0 ? String.valueOf(s.port()) : "-"),
                column("Name", s -> s.portName().isEmpty() ? "-" : s.portName()),
                column("Protocol", s -> s.protocol().isEmpty() ? "-" : s.protocol()),
                column("TLS mode", s -> s.tls().map(t -> t.mode().name()).orElse("-")),
                column("Credential", s -> s.tls().flatMap(IngressGateway.Tls::credentialName).orElse("-")),
                column("Hosts", s -> String.join(", ", s.hosts()))));
        servers.setFixedCellSize(24);
        servers.setPrefHeight(24 * 3 + 28);
        servers.setPlaceholder(new Label("No servers: the Gateway opens no port"));
        edit.setId("gateway-edit");
        edit.setDisable(true);
        edit.setOnAction(e -> {
            if (shown != null && onEdit != null) {
                onEdit.accept(shown);
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, title, workloads, gap, edit);
        head.getStyleClass().add("gateway-details-head");
        root = new VBox(6, head, servers, bound);
        root.setPadding(new Insets(6, 8, 8, 8));
        root.setId("gateway-details");
        root.getStyleClass().add("gateway-details");
    }

    private static TableColumn<IngressGateway.Server, String> column(String name,
                                                                    java.util.function.Function<IngressGateway.Server, String> text) {
        TableColumn<IngressGateway.Server, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    Node node() {
        return root;
    }

    /** "Edit servers…" hands the shown Gateway here; without it the button stays disabled. */
    void setOnEdit(Consumer<IngressGateway> action) {
        onEdit = action;
        edit.setDisable(action == null);
    }

    IngressGateway shown() {
        return shown;
    }

    void show(IngressGateway gateway) {
        shown = gateway;
        title.setText("Gateway " + gateway.qualifiedName());
        workloads.setText(gateway.workloads().isEmpty() ? "selects no ingress pods"
                : "on " + String.join(", ", gateway.workloads().stream().map(IngressGateway.Workload::qualifiedName).toList()));
        servers.getItems().setAll(gateway.servers());
        bound.setText(gateway.virtualServices().isEmpty() ? "No VirtualService is bound to it"
                : "Bound VirtualServices: " + String.join(", ", gateway.virtualServices()));
    }
}
