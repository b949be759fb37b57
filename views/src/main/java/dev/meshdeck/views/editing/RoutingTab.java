package dev.meshdeck.views.editing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.editing.Draft;
import dev.meshdeck.core.editing.forms.FieldSpec;
import dev.meshdeck.core.editing.forms.FormField;
import dev.meshdeck.core.editing.forms.MatchCondition;
import dev.meshdeck.core.editing.forms.RoutingForm;
import dev.meshdeck.core.routing.Destination;
import dev.meshdeck.core.routing.WeightedDestination;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Routing form over a function's VirtualService draft ({@link RoutingForm}): the ordered routes (first match
 * wins) with add, remove and move; a new-route builder (condition → destination, e.g. premium users to the
 * candidate); the blue-green switch; and for the selected route its match conditions, weighted destinations,
 * mirror, fault injection, timeout and retries.
 */
final class RoutingTab {

    private static final String NO_MIRROR = "(no mirror)";

    private final DraftBinding<RoutingForm> binding;
    private Supplier<JsonNode> destinationRule = () -> null;

    private final ListView<String> routes = new ListView<>();
    private final Button addRoute = FormParts.button("Add route…", "add-route");
    private final Button removeRoute = FormParts.button("Remove", "remove-route");
    private final Button moveUp = FormParts.button("Move up", "route-up");
    private final Button moveDown = FormParts.button("Move down", "route-down");

    private final TextField newName = new TextField();
    private final ConditionRow newCondition = new ConditionRow("new-route-condition");
    private final ChoiceBox<Destination> newTarget = destinationChoice("new-route-target");
    private final VBox newRoute;

    private final ChoiceBox<String> blue = new ChoiceBox<>();
    private final ChoiceBox<String> green = new ChoiceBox<>();
    private final Button switchButton = FormParts.button("Switch", "blue-green-switch");

    private final TitledPane routePane = new TitledPane();
    private final ListView<RoutingForm.RouteCondition> conditions = new ListView<>();
    private final Button removeCondition = FormParts.button("Remove condition", "remove-condition");
    private final ConditionRow condition = new ConditionRow("condition");
    private final Button addCondition = FormParts.button("Add (and)", "add-condition");
    private final Button addAlternative = FormParts.button("Add as alternative (or)", "add-alternative");
    private final TableView<WeightedDestination> destinations = new TableView<>();
    private final ChoiceBox<Destination> extraDestination = destinationChoice("extra-destination");
    private final Button addDestination = FormParts.button("Add destination", "add-destination");
    private final Button removeDestination = FormParts.button("Remove destination", "remove-destination");
    private final ChoiceBox<Object> mirror = new ChoiceBox<>();
    private final Map<String, FieldEditor> fields = new LinkedHashMap<>();

    private final Label problem = FormParts.problem("routing-problem");
    private final VBox content;
    private final ScrollPane root;
    private int selected;
    private boolean refreshing;

    RoutingTab() {
        binding = new DraftBinding<>(RoutingForm::of, RoutingForm::candidate, this::showProblem, this::refresh);

        routes.setId("routes");
        routes.setPrefHeight(130);
        routes.setPlaceholder(SecurityTab.wrapped("No routes"));
        routes.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        routes.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (!refreshing && now.intValue() >= 0) {
                selected = now.intValue();
                refresh();
            }
        });
        addRoute.setTooltip(new Tooltip("A route for requests meeting a condition, placed before the catch-all route"));
        addRoute.setOnAction(e -> openNewRoute(true));
        removeRoute.setOnAction(e -> apply(f -> f.removingRoute(selected)));
        moveUp.setTooltip(new Tooltip("Routes are tried in order; the first that matches takes the request"));
        moveUp.setOnAction(e -> move(-1));
        moveDown.setOnAction(e -> move(1));
        FlowPane routeButtons = new FlowPane(6, 6, addRoute, removeRoute, moveUp, moveDown);

        newName.setId("new-route-name");
        newName.setPromptText("route name, e.g. premium");
        Button confirm = FormParts.button("Add route", "confirm-route");
        Button cancel = FormParts.button("Cancel", "cancel-route");
        confirm.setOnAction(e -> addNewRoute());
        cancel.setOnAction(e -> openNewRoute(false));
        HBox targetRow = new HBox(6, new Label("Send to"), newTarget);
        targetRow.setAlignment(Pos.CENTER_LEFT);
        newRoute = new VBox(6, new Label("New route: requests meeting this condition…"), newName, newCondition.node(),
                targetRow, new HBox(6, confirm, cancel));
        newRoute.setId("new-route");
        newRoute.getStyleClass().add("field-group");
        newRoute.managedProperty().bind(newRoute.visibleProperty());
        newRoute.setVisible(false);

        blue.setId("blue-version");
        green.setId("green-version");
        switchButton.setTooltip(new Tooltip("Flip all traffic between the two versions in one step, on every route "
                + "and mirror; press again to switch back"));
        switchButton.setOnAction(e -> {
            if (blue.getValue() != null && green.getValue() != null) {
                apply(f -> f.switchingBlueGreen(blue.getValue(), green.getValue()));
            }
        });
        HBox blueGreen = new HBox(6, blue, new Label("⇄"), green, switchButton);
        blueGreen.setAlignment(Pos.CENTER_LEFT);

        conditions.setId("route-conditions");
        conditions.setPrefHeight(80);
        conditions.setPlaceholder(SecurityTab.wrapped("No condition: this route takes every request that reaches it"));
        conditions.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RoutingForm.RouteCondition c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : "match " + (c.entry() + 1) + ": " + c.condition().describe());
            }
        });
        removeCondition.disableProperty().bind(conditions.getSelectionModel().selectedItemProperty().isNull());
        removeCondition.setOnAction(e -> {
            RoutingForm.RouteCondition c = conditions.getSelectionModel().getSelectedItem();
            if (c != null) {
                apply(f -> f.removingCondition(selected, c));
            }
        });
        addCondition.setTooltip(new Tooltip("Add to the selected match entry (or the first): every condition of an entry must hold"));
        addCondition.setOnAction(e -> addCondition(false));
        addAlternative.setTooltip(new Tooltip("Start another match entry: the route takes requests matching any entry"));
        addAlternative.setOnAction(e -> addCondition(true));

        destinations.setId("route-destinations");
        destinations.setEditable(true);
        destinations.setPrefHeight(110);
        destinations.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<WeightedDestination, String> where = new TableColumn<>("Destination");
        where.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(describe(c.getValue().destination())));
        where.setEditable(false);
        where.setPrefWidth(200);
        TableColumn<WeightedDestination, Integer> weight = new TableColumn<>("Weight %");
        weight.setId("route-weight-column");
        weight.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().weight()));
        weight.setCellFactory(TextFieldTableCell.forTableColumn(new PercentConverter()));
        weight.setMinWidth(80);
        weight.setOnEditCommit(e -> {
            if (e.getNewValue() == null) {
                refresh();
            } else {
                int row = e.getTablePosition().getRow();
                apply(f -> f.withDestinationWeight(selected, row, e.getNewValue()));
            }
        });
        destinations.getColumns().addAll(List.of(where, weight));
        addDestination.setOnAction(e -> {
            Destination d = extraDestination.getValue();
            if (d != null) {
                apply(f -> f.addingDestination(selected, d));
            }
        });
        removeDestination.disableProperty().bind(destinations.getSelectionModel().selectedItemProperty().isNull());
        removeDestination.setOnAction(e -> {
            int row = destinations.getSelectionModel().getSelectedIndex();
            if (row >= 0) {
                apply(f -> f.removingDestination(selected, row));
            }
        });

        mirror.setId("mirror-target");
        mirror.setTooltip(new Tooltip("Copy this route's requests to another destination; its responses are discarded"));
        mirror.setConverter(new StringConverter<>() {
            @Override
            public String toString(Object o) {
                return o instanceof Destination d ? describe(d) : o == null ? "" : o.toString();
            }

            @Override
            public Object fromString(String s) {
                return s;
            }
        });
        mirror.valueProperty().addListener((obs, old, now) -> {
            if (!refreshing && now != null) {
                apply(f -> f.withMirrorTarget(selected, now instanceof Destination d ? d : null));
            }
        });
        for (FieldSpec spec : RoutingForm.routeFields()) {
            fields.put(spec.key(), FieldEditor.of(spec, text -> apply(f -> f.withValue(selected, spec.key(), text))));
        }

        HBox mirrorRow = new HBox(6, new Label("Mirror to"), mirror);
        mirrorRow.setAlignment(Pos.CENTER_LEFT);
        VBox route = new VBox(8,
                FormParts.caption("Match"), conditions, removeCondition, condition.node(), new FlowPane(6, 6, addCondition, addAlternative),
                FormParts.caption("Destinations"), destinations, new FlowPane(6, 6, extraDestination, addDestination, removeDestination),
                FormParts.caption("Mirroring"), mirrorRow, field("mirrorPercentage"),
                FormParts.caption("Fault injection"), field("fault.delay.fixedDelay"), field("fault.delay.percentage"),
                field("fault.abort.httpStatus"), field("fault.abort.percentage"),
                FormParts.caption("Timeout and retries"), field("timeout"), field("retries.attempts"),
                field("retries.perTryTimeout"), field("retries.retryOn"));
        routePane.setId("route-pane");
        routePane.setContent(route);
        routePane.setCollapsible(false);

        content = new VBox(8, problem, FormParts.caption("Routes (first match wins)"), routes, routeButtons, newRoute,
                FormParts.caption("Blue-green switch"), blueGreen, routePane);
        content.setId("routing-form");
        content.getStyleClass().add("traffic-form");
        root = new ScrollPane(content);
        root.setId("routing-scroll");
        root.setFitToWidth(true);
        root.getStyleClass().add("form-scroll");
    }

    private Node field(String key) {
        return fields.get(key).node();
    }

    private static ChoiceBox<Destination> destinationChoice(String id) {
        ChoiceBox<Destination> choice = new ChoiceBox<>();
        choice.setId(id);
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Destination d) {
                return d == null ? "" : describe(d);
            }

            @Override
            public Destination fromString(String s) {
                return null;
            }
        });
        return choice;
    }

    /** "web-bff · premium" for a subset, the host otherwise. */
    static String describe(Destination d) {
        return (d.subset() == null ? d.host() : d.host() + " · " + d.subset()) + (d.port() == null ? "" : ":" + d.port());
    }

    Node node() {
        return root;
    }

    /**
     * @param destinationRule the function's DestinationRule candidate (its subsets are destinations), or null
     */
    void show(Draft draft, Supplier<JsonNode> destinationRule) {
        this.destinationRule = destinationRule;
        binding.bind(draft);
        selected = 0;
        openNewRoute(false);
        refresh();
    }

    Draft draft() {
        return binding.draft();
    }

    /** The route whose details show. */
    int selectedRoute() {
        return selected;
    }

    FieldEditor fieldEditor(String key) {
        return fields.get(key);
    }

    /** Whether {@link #reveal} can show this path: it is a route's, and the form can read the VirtualService. */
    boolean shows(String path) {
        var at = RoutingForm.fieldAt(path);
        RoutingForm form = binding.form();
        return at.isPresent() && form != null && at.get().index() < form.routes().size();
    }

    /** Selects the route and focuses the field a finding points at; false when the path is not a route's. */
    boolean reveal(String path) {
        if (!shows(path)) {
            return false;
        }
        FormField field = RoutingForm.fieldAt(path).orElseThrow();
        selected = field.index();
        refresh();
        Node target = switch (field.key()) {
            case "match" -> conditions;
            case "route" -> destinations;
            case "mirror" -> mirror;
            case "" -> routes;
            default -> fields.get(field.key()).control();
        };
        Reveal.show(root, target);
        return true;
    }

    private void openNewRoute(boolean open) {
        newName.clear();
        newCondition.clear();
        newRoute.setVisible(open);
    }

    private void addNewRoute() {
        MatchCondition c;
        try {
            c = newCondition.condition();
        } catch (IllegalArgumentException missing) {
            showProblem(missing.getMessage());
            return;
        }
        Destination target = newTarget.getValue();
        if (target == null) {
            showProblem("choose where the new route sends its requests");
            return;
        }
        String name = newName.getText();
        RoutingForm before = binding.form();
        int position = before == null ? 0 : before.newRoutePosition();
        if (apply(f -> f.addingRoute(name, c, target))) {
            selected = position;
            openNewRoute(false);
            refresh();
        }
    }

    private void addCondition(boolean alternative) {
        MatchCondition c;
        try {
            c = condition.condition();
        } catch (IllegalArgumentException missing) {
            showProblem(missing.getMessage());
            return;
        }
        RoutingForm.RouteCondition at = conditions.getSelectionModel().getSelectedItem();
        if (apply(f -> {
            int entries = f.route(selected).matches().size();
            int entry = alternative ? entries : at != null ? at.entry() : 0;
            return f.addingCondition(selected, entry, c);
        })) {
            condition.clear();
        }
    }

    private void move(int by) {
        int to = selected + by;
        if (apply(f -> {
            if (to < 0 || to >= f.routes().size()) {
                throw new IllegalArgumentException("route " + (selected + 1) + " is already "
                        + (by < 0 ? "first" : "last"));
            }
            return f.movingRoute(selected, to);
        })) {
            selected = to;
            refresh();
        }
    }

    private boolean apply(UnaryOperator<RoutingForm> change) {
        problem.setVisible(false);
        return binding.apply(change);
    }

    private void showProblem(String message) {
        problem.setText(message);
        problem.setVisible(true);
    }

    /** Redraws every control from the draft's candidate. */
    void refresh() {
        RoutingForm form = binding.form();
        refreshing = true;
        try {
            boolean editable = form != null;
            content.getChildren().forEach(n -> n.setDisable(!editable && n != problem));
            if (!editable) {
                if (binding.unreadable() != null) {
                    showProblem("The form cannot read this VirtualService: " + binding.unreadable() + "; fix it in the YAML");
                }
                return;
            }
            List<String> summaries = new ArrayList<>();
            for (int i = 0; i < form.routes().size(); i++) {
                summaries.add(form.summary(i));
            }
            routes.getItems().setAll(summaries);
            selected = Math.max(0, Math.min(selected, summaries.size() - 1));
            routes.getSelectionModel().select(selected);
            removeRoute.setDisable(summaries.size() < 2);
            moveUp.setDisable(selected == 0);
            moveDown.setDisable(selected >= summaries.size() - 1);

            List<Destination> choices = form.destinationChoices(destinationRule.get());
            keep(newTarget, choices, form.route(form.routes().size() - 1).split().targets().get(0));
            Destination unused = choices.stream().filter(d -> !form.route(selected).split().targets().contains(d))
                    .findFirst().orElse(null);
            keep(extraDestination, choices, unused);
            List<String> versions = form.versions();
            blue.getItems().setAll(versions);
            green.getItems().setAll(versions);
            if (blue.getValue() == null || !versions.contains(blue.getValue())) {
                blue.setValue(versions.isEmpty() ? null : versions.get(0));
            }
            if (green.getValue() == null || !versions.contains(green.getValue()) || green.getValue().equals(blue.getValue())) {
                green.setValue(versions.size() < 2 ? null : versions.get(1));
            }
            switchButton.setDisable(versions.size() < 2);

            var route = form.route(selected);
            routePane.setText("Route " + (selected + 1) + (route.name() == null ? "" : " · " + route.name()));
            conditions.getItems().setAll(form.conditions(selected));
            destinations.getItems().setAll(route.split().destinations());
            List<Object> mirrors = new ArrayList<>();
            mirrors.add(NO_MIRROR);
            mirrors.addAll(choices);
            if (route.mirror() != null && !choices.contains(route.mirror().destination())) {
                mirrors.add(route.mirror().destination());
            }
            mirror.setItems(FXCollections.observableArrayList(mirrors));
            mirror.setValue(route.mirror() == null ? NO_MIRROR : route.mirror().destination());
            fields.forEach((key, editor) -> editor.setText(form.text(selected, key)));
        } finally {
            refreshing = false;
        }
    }

    private static void keep(ChoiceBox<Destination> choice, List<Destination> items, Destination fallback) {
        Destination current = choice.getValue();
        choice.getItems().setAll(items);
        choice.setValue(current != null && items.contains(current) ? current : fallback);
    }
}
