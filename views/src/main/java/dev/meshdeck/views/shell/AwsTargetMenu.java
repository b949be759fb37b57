package dev.meshdeck.views.shell;

import atlantafx.base.theme.Styles;
import dev.meshdeck.core.lambda.AwsProfile;
import dev.meshdeck.core.lambda.AwsTarget;
import dev.meshdeck.views.common.Icons;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The AWS profile and region picker of the app bar: the profiles of the user's AWS configuration (given as plain
 * data), the SDK default chain, and a "Regions…" dialog taking several regions to scan in parallel. Choosing
 * calls back with the new {@link AwsTarget}; reconnecting is the caller's job, off the UI thread.
 */
public final class AwsTargetMenu {

    static final String DEFAULT_CHAIN = "Default credential chain";

    private final MenuButton button = new MenuButton();
    private final Consumer<AwsTarget> onChoose;
    private AwsTarget current;

    public AwsTargetMenu(List<AwsProfile> profiles, AwsTarget current, Consumer<AwsTarget> onChoose) {
        this.current = current;
        this.onChoose = onChoose;
        button.setId("aws-target");
        button.getStyleClass().add(Styles.FLAT);
        button.setGraphic(Icons.of(MaterialDesignC.CLOUD_OUTLINE));
        ToggleGroup group = new ToggleGroup();
        button.getItems().add(profileItem(null, DEFAULT_CHAIN, group));
        for (AwsProfile p : profiles) {
            String details = p.region().isEmpty() ? p.credentials() : p.credentials() + ", " + p.region();
            button.getItems().add(profileItem(p, p.name() + "  (" + details + ")", group));
        }
        MenuItem regions = new MenuItem("Regions…");
        regions.setId("aws-regions");
        regions.setOnAction(e -> askRegions().ifPresent(r -> choose(new AwsTarget(this.current.profile(), r))));
        button.getItems().addAll(new SeparatorMenuItem(), regions);
        refresh();
    }

    public Node node() {
        return button;
    }

    public AwsTarget current() {
        return current;
    }

    private RadioMenuItem profileItem(AwsProfile profile, String text, ToggleGroup group) {
        String name = profile == null ? null : profile.name();
        RadioMenuItem item = new RadioMenuItem(text);
        item.setToggleGroup(group);
        item.setSelected(java.util.Objects.equals(name, current.profile()));
        // a profile with its own region scans it unless regions were chosen explicitly
        item.setOnAction(e -> choose(new AwsTarget(name, profile == null || profile.region().isEmpty()
                ? current.regions() : List.of(profile.region()))));
        return item;
    }

    /** The regions typed in a dialog; a wrong name is said in the dialog's header and asked again. */
    private Optional<List<String>> askRegions() {
        TextInputDialog dialog = new TextInputDialog(String.join(", ", current.regions()));
        dialog.setTitle("AWS regions");
        dialog.setHeaderText("Regions to scan in parallel, comma-separated");
        dialog.getEditor().setId("aws-regions-field");
        while (true) {
            Optional<String> typed = dialog.showAndWait();
            if (typed.isEmpty()) {
                return Optional.empty();
            }
            try {
                List<String> regions = AwsTarget.parseRegions(typed.get());
                if (!regions.isEmpty()) {
                    return Optional.of(regions);
                }
                dialog.setHeaderText("Choose at least one region, e.g. eu-west-1");
            } catch (IllegalArgumentException wrong) {
                dialog.setHeaderText(wrong.getMessage());
            }
        }
    }

    private void choose(AwsTarget target) {
        if (target.equals(current)) {
            return;
        }
        current = target;
        refresh();
        onChoose.accept(target);
    }

    private void refresh() {
        button.setText(current.label());
    }
}
