package dev.meshdeck.views;

import static dev.meshdeck.views.FxWait.onFx;
import static dev.meshdeck.views.FormScroll.clickVisible;
import static dev.meshdeck.views.FormScroll.scrollTo;
import static dev.meshdeck.views.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.editing.Draft;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The Routing tab, locality tables, JWT issuers, CUSTOM action, editing an existing authorization rule, new
 * policy for a function that has none, and clicking a finding, each driven as an SRE would in the main window.
 */
@ExtendWith(ApplicationExtension.class)
class EditorTabsTest {

    private FakeCatalog catalog;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        catalog = FakeCatalog.estate();
        window = new MainWindow(catalog, WindowOptions.sandbox("MeshDeck"));
        window.show(stage);
    }

    @Stop
    void stop() {
        catalog.close();
    }

    @Test
    void premiumHeaderRouteGoesBeforeTheCatchAllAndValidates(FxRobot robot) throws Exception {
        open(robot, "order-function", "VirtualService");
        selectForm(robot, "routing-tab");
        assertThat(onFx(() -> routes(robot).getItems().size())).isEqualTo(1);

        addPremiumRoute(robot);

        until(() -> yaml(robot).contains("x-user-tier"));
        String yaml = yaml(robot);
        assertThat(yaml.indexOf("name: premium")).isLessThan(yaml.indexOf("weight: 90"));
        assertThat(yaml).contains("exact: premium", "host: order-function-v2", "team: orders");
        assertThat(onFx(() -> routes(robot).getItems())).hasSize(2);
        assertThat(onFx(() -> routes(robot).getItems().get(0))).contains("premium: header x-user-tier = premium → order-function-v2");
        assertThat(onFx(() -> activeDraft().dirty())).isTrue();
        assertThat(robot.lookup("#routing-dirty").query().isVisible()).isTrue();
        until(() -> !window.editor().checking());
        assertThat(onFx(() -> findings(robot).getItems().stream().filter(f -> f.severity() == Severity.ERROR).toList()))
                .isEmpty();
    }

    @Test
    void routeOrderFaultMirrorAndBlueGreenSwitch(FxRobot robot) throws Exception {
        open(robot, "order-function", "VirtualService");
        selectForm(robot, "routing-tab");
        addPremiumRoute(robot);
        until(() -> onFx(() -> routes(robot).getItems().size()) == 2);

        // the premium route is selected: give it a 2s delay on 10% of requests and move it below the catch-all
        robot.interact(() -> routes(robot).getSelectionModel().select(0));
        type(robot, "#field-fault-delay-fixedDelay", "2s");
        until(() -> yaml(robot).contains("fixedDelay: 2s"));
        type(robot, "#field-fault-delay-percentage", "10");
        until(() -> yaml(robot).contains("value: 10"));
        robot.interact(() -> choice(robot, "#mirror-target").getItems().stream()
                .filter(o -> o.toString().contains("order-function-v1")).findFirst()
                .ifPresent(o -> choice(robot, "#mirror-target").setValue(o)));
        until(() -> yaml(robot).contains("mirror:"));

        clickVisible(robot, "#route-down");
        until(() -> onFx(() -> routes(robot).getItems().get(1)).contains("premium"));

        // blue-green: every route's v1 and v2 swap places
        robot.interact(() -> {
            choice(robot, "#blue-version").setValue("order-function-v1");
            choice(robot, "#green-version").setValue("order-function-v2");
        });
        clickVisible(robot, "#blue-green-switch");
        until(() -> onFx(() -> routes(robot).getItems().get(0)).contains("order-function-v2 90%"));
        assertThat(onFx(() -> routes(robot).getItems().get(1))).contains("→ order-function-v1");
    }

    @Test
    void localityDistributeTableEditsTheDestinationRule(FxRobot robot) throws Exception {
        open(robot, "payment-function", "DestinationRule");
        selectForm(robot, "resilience-tab");
        until(() -> onFx(() -> distribute(robot).getItems().size()) == 2);

        // 80/20 becomes 70/30: the first edit leaves the table at 90% (shown, not written), the second fixes it
        editCell(robot, "locality-percent", 0, "70");
        until(() -> onFx(() -> label(robot, "#locality-problems").isVisible()));
        assertThat(onFx(() -> label(robot, "#locality-problems").getText())).contains("totals 90%");
        assertThat(yaml(robot)).contains("eu-west-1/eu-west-1a/*: 80");
        editCell(robot, "locality-percent", 1, "30");

        until(() -> yaml(robot).contains("eu-west-1/eu-west-1b/*: 30"));
        assertThat(yaml(robot)).contains("eu-west-1/eu-west-1a/*: 70", "enabled: true");
        assertThat(onFx(() -> label(robot, "#locality-problems").isVisible())).isFalse();
        assertThat(onFx(() -> activeDraft().dirty())).isTrue();
    }

    @Test
    void jwtIssuerIsAddedAndAnExistingOneEditedKeepingItsOtherFields(FxRobot robot) throws Exception {
        open(robot, "payment-function", "DestinationRule");
        selectForm(robot, "security-tab");
        until(() -> yaml(robot).contains("kind: RequestAuthentication"));

        robot.interact(() -> ((ListView<?>) robot.lookup("#jwt-issuers").query()).getSelectionModel().select(0));
        clickVisible(robot, "#edit-issuer");
        assertThat(onFx(() -> robot.lookup("#jwt-issuer").queryAs(javafx.scene.control.TextField.class).getText()))
                .isEqualTo("https://auth.meshdeck.example");
        clickVisible(robot, "#jwt-audiences").write("payments-api");
        robot.interact(() -> robot.lookup("#jwt-forwardOriginalToken").queryAs(CheckBox.class).setIndeterminate(false));
        robot.interact(() -> robot.lookup("#jwt-forwardOriginalToken").queryAs(CheckBox.class).setSelected(true));
        clickVisible(robot, "#confirm-issuer");
        until(() -> yaml(robot).contains("- payments-api"));
        assertThat(yaml(robot)).contains("forwardOriginalToken: true", "outputPayloadToHeader: x-jwt-payload");

        clickVisible(robot, "#add-issuer");
        clickVisible(robot, "#jwt-issuer").write("https://login.partner.example");
        clickVisible(robot, "#jwt-jwksUri").write("https://login.partner.example/keys");
        clickVisible(robot, "#confirm-issuer");
        until(() -> yaml(robot).contains("issuer: https://login.partner.example"));
        assertThat(onFx(() -> robot.lookup("#jwt-issuers").queryAs(ListView.class).getItems().size())).isEqualTo(2);
    }

    @Test
    void existingAuthorizationRuleIsEditedInTheBuilderAndCustomNeedsAProvider(FxRobot robot) throws Exception {
        open(robot, "inventory-function", "DestinationRule");
        selectForm(robot, "security-tab");
        until(() -> yaml(robot).contains("kind: AuthorizationPolicy"));

        robot.interact(() -> ((ListView<?>) robot.lookup("#authz-rules").query()).getSelectionModel().select(0));
        clickVisible(robot, "#edit-rule");
        assertThat(onFx(() -> robot.lookup("#rule-from-namespaces").queryAs(javafx.scene.control.TextField.class).getText()))
                .isEqualTo("backend");
        robot.interact(() -> robot.lookup("#rule-from-namespaces").queryAs(javafx.scene.control.TextField.class)
                .setText("backend, frontend"));
        clickVisible(robot, "#rule-to-methods").write("GET");
        clickVisible(robot, "#confirm-rule");

        until(() -> yaml(robot).contains("- frontend"));
        assertThat(yaml(robot)).contains("- GET", "- backend");
        assertThat(onFx(() -> robot.lookup("#authz-rules").queryAs(ListView.class).getItems())).hasSize(1);

        robot.interact(() -> choice(robot, "#authz-action").setValue("CUSTOM"));
        clickVisible(robot, "#authz-provider").write("ext-authz").type(KeyCode.ENTER);
        until(() -> yaml(robot).contains("action: CUSTOM"));
        assertThat(yaml(robot)).contains("name: ext-authz");
    }

    @Test
    void functionWithoutPolicyGetsANewVirtualServiceAndAuthorizationPolicyFromDefaults(FxRobot robot) throws Exception {
        EditorLauncher.openFor(robot, "search-function");
        until(() -> window.editor().function() != null && window.editor().function().name().equals("search-function"));
        selectForm(robot, "routing-tab");
        until(() -> robot.lookup("#create-VirtualService").tryQuery().map(Node::isVisible).orElse(false));

        robot.clickOn("#create-VirtualService");

        until(() -> activeDraft() != null && activeDraft().kind().equals("VirtualService"));
        assertThat(yaml(robot)).contains("namespace: frontend", "- search-function", "host: search-function");
        assertThat(onFx(() -> activeDraft().isNew())).isTrue();
        assertThat(onFx(() -> window.editor().session().pending())).hasSize(1);
        until(() -> !window.editor().checking());
        assertThat(onFx(() -> findings(robot).getItems().stream().filter(f -> f.severity() == Severity.ERROR).toList()))
                .isEmpty();

        selectForm(robot, "security-tab");
        robot.clickOn("#create-AuthorizationPolicy");
        until(() -> activeDraft().kind().equals("AuthorizationPolicy"));
        // OpenFaaS labels its pods faas_function=<name>: the selector must match them
        assertThat(yaml(robot)).contains("faas_function: search-function", "- frontend", "namespace: frontend");

        robot.clickOn("#discard-button");
        until(() -> onFx(() -> window.editor().session().pending()).size() == 1);
        assertThat(robot.lookup("#create-AuthorizationPolicy").tryQuery()).isPresent();
    }

    @Test
    void clickingAFindingSelectsTheFieldItPointsAtElseItsLine(FxRobot robot) throws Exception {
        open(robot, "order-function", "VirtualService");
        // a subset no DestinationRule defines: the finding points at route 0's destinations
        List<String> lines = new java.util.ArrayList<>(yaml(robot).lines().toList());
        int host = lines.indexOf(lines.stream().filter(l -> l.contains("host: order-function-v2")).findFirst().orElseThrow());
        String indent = lines.get(host).substring(0, lines.get(host).indexOf("host:"));
        lines.add(host + 1, indent + "subset: nope");
        lines.add(lines.indexOf("spec:") + 1, "  colour: blue");
        robot.interact(() -> area(robot).replaceText(String.join("\n", lines) + "\n"));
        until(() -> onFx(() -> findings(robot).getItems().stream().anyMatch(f -> f.path().startsWith("spec.http[0].route"))
                && findings(robot).getItems().stream().anyMatch(f -> f.path().equals("spec.colour"))));

        clickFinding(robot, f -> f.path().startsWith("spec.http[0].route"));
        until(() -> onFx(() -> forms(robot).getSelectionModel().getSelectedItem().getId()).equals("routing-tab"));
        until(() -> onFx(() -> robot.lookup("#route-destinations").query().isFocused()));
        assertThat(onFx(() -> routes(robot).getSelectionModel().getSelectedIndex())).isZero();

        // a field the form does not show: the caret goes to its line instead
        Finding unknown = onFx(() -> findings(robot).getItems().stream().filter(f -> f.path().equals("spec.colour"))
                .findFirst().orElseThrow());
        robot.interact(() -> area(robot).moveTo(0));
        clickFinding(robot, f -> f == unknown);
        until(() -> onFx(() -> area(robot).getCurrentParagraph()) == unknown.position().orElseThrow().line() - 1);
        assertThat(onFx(() -> forms(robot).getSelectionModel().getSelectedItem().getId())).isEqualTo("routing-tab");
    }

    private static void clickFinding(FxRobot robot, java.util.function.Predicate<Finding> which) {
        robot.interact(() -> findings(robot).scrollTo(findings(robot).getItems().stream().filter(which).findFirst()
                .orElseThrow()));
        robot.clickOn(robot.lookup("#findings-list .list-cell").match((javafx.scene.control.ListCell<Finding> c) ->
                c.getItem() != null && which.test(c.getItem())).queryAs(Node.class));
    }

    /** Screenshots of the Routing tab and of the Resilience tab's locality table; see README. */
    @Test
    void screenshotsOfTheRoutingAndLocalityEditors(FxRobot robot) throws Exception {
        open(robot, "order-function", "VirtualService");
        selectForm(robot, "routing-tab");
        addPremiumRoute(robot);
        until(() -> yaml(robot).contains("x-user-tier"));
        robot.interact(() -> routes(robot).getSelectionModel().select(0));
        scrollTo(robot, robot.lookup("#routes").query());
        Path routing = Path.of(System.getProperty("meshdeck.editor.routing", "target/editor-routing.png"));
        window.snapshot(routing);

        open(robot, "payment-function", "DestinationRule");
        selectForm(robot, "resilience-tab");
        until(() -> onFx(() -> distribute(robot).getItems().size()) == 2);
        scrollTo(robot, robot.lookup("#locality-editor").query());
        Path locality = Path.of(System.getProperty("meshdeck.editor.locality", "target/editor-locality.png"));
        window.snapshot(locality);

        selectForm(robot, "security-tab");
        until(() -> yaml(robot).contains("kind: RequestAuthentication"));
        clickVisible(robot, "#add-issuer");
        robot.interact(() -> robot.lookup("#jwt-issuer").queryAs(javafx.scene.control.TextField.class)
                .setText("https://login.partner.example"));
        Path jwt = Path.of(System.getProperty("meshdeck.editor.jwt", "target/editor-jwt.png"));
        window.snapshot(jwt);

        assertThat(List.of(routing, locality, jwt)).allSatisfy(p -> assertThat(Files.size(p)).isPositive());
    }

    // ---- helpers ----

    private void open(FxRobot robot, String function, String firstKind) throws Exception {
        if (window.editor() != null && window.editor().function() != null) {
            EditorLauncher.switchTo(robot, function);
        } else {
            EditorLauncher.openFor(robot, function);
        }
        until(() -> activeDraft() != null && activeDraft().function().name().equals(function)
                && activeDraft().kind().equals(firstKind));
    }

    private static void addPremiumRoute(FxRobot robot) throws Exception {
        clickVisible(robot, "#add-route");
        clickVisible(robot, "#new-route-name").write("premium");
        clickVisible(robot, "#new-route-condition-name").write("x-user-tier");
        clickVisible(robot, "#new-route-condition-value").write("premium");
        robot.interact(() -> choice(robot, "#new-route-target").getItems().stream()
                .filter(d -> d.toString().contains("order-function-v2")).findFirst()
                .ifPresent(d -> choice(robot, "#new-route-target").setValue(d)));
        clickVisible(robot, "#confirm-route");
    }

    private static void type(FxRobot robot, String spinner, String text) {
        Node editor = robot.lookup(spinner + " .text-field").query();
        scrollTo(robot, editor);
        robot.doubleClickOn(editor).write(text).type(KeyCode.ENTER);
    }

    private static void editCell(FxRobot robot, String columnId, int row, String text) {
        Node cell = robot.lookup(".table-cell").match((TableCell<?, ?> c) -> c.getTableColumn() != null
                && columnId.equals(c.getTableColumn().getId()) && c.getIndex() == row).query();
        scrollTo(robot, cell);
        robot.doubleClickOn(cell);
        robot.push(KeyCode.CONTROL, KeyCode.A).write(text).type(KeyCode.ENTER);
    }

    private Draft activeDraft() {
        return window.editor().activeDraft();
    }

    private static void selectForm(FxRobot robot, String tabId) {
        robot.interact(() -> forms(robot).getSelectionModel().select(forms(robot).getTabs().stream()
                .filter(t -> tabId.equals(t.getId())).findFirst().orElseThrow()));
    }

    private static TabPane forms(FxRobot robot) {
        return robot.lookup("#editor-forms").queryAs(TabPane.class);
    }

    @SuppressWarnings("unchecked")
    private static ListView<String> routes(FxRobot robot) {
        return robot.lookup("#routes").queryAs(ListView.class);
    }

    @SuppressWarnings("unchecked")
    private static javafx.scene.control.TableView<?> distribute(FxRobot robot) {
        return robot.lookup("#locality-distribute").queryAs(javafx.scene.control.TableView.class);
    }

    @SuppressWarnings("unchecked")
    private static <T> ChoiceBox<T> choice(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(ChoiceBox.class);
    }

    private static javafx.scene.control.Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(javafx.scene.control.Label.class);
    }

    @SuppressWarnings("unchecked")
    private static ListView<Finding> findings(FxRobot robot) {
        return robot.lookup("#findings-list").queryAs(ListView.class);
    }

    private static CodeArea area(FxRobot robot) {
        return robot.lookup("#candidate-yaml").queryAs(CodeArea.class);
    }

    private static String yaml(FxRobot robot) throws Exception {
        return onFx(() -> area(robot).getText());
    }
}
