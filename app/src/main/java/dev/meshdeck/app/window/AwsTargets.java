package dev.meshdeck.app.window;

import dev.meshdeck.connectors.aws.AwsProfiles;
import dev.meshdeck.connectors.aws.AwsSettings;
import dev.meshdeck.connectors.aws.LambdaCatalog;
import dev.meshdeck.core.inventory.SwitchableCatalog;
import dev.meshdeck.core.lambda.AwsTarget;
import dev.meshdeck.views.shell.AwsTargetMenu;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The AWS profile and regions Lambda discovery scans, changed from the window's picker without a restart: each
 * choice rebuilds the Lambda part of the catalog ({@link LambdaCatalog}) and is what the graph's CloudWatch
 * telemetry polls from then on.
 */
public final class AwsTargets {

    /** The picker's regions before any AWS configuration exists. */
    private static final String FIRST_REGION = "us-east-1";

    private final SwitchableCatalog catalog;
    private final URI sandboxEndpoint;
    private volatile AwsSettings settings;

    /**
     * @param initial         the settings discovery starts with, if AWS is configured
     * @param initialCatalog  the Lambda catalog of those settings
     * @param sandboxEndpoint the sandbox's Lambda endpoint, where the default chain points in the sandbox; or null
     */
    public AwsTargets(Optional<AwsSettings> initial, Optional<LambdaCatalog> initialCatalog, URI sandboxEndpoint) {
        this.settings = initial.orElse(null);
        this.sandboxEndpoint = sandboxEndpoint;
        this.catalog = new SwitchableCatalog(initialCatalog.orElse(null));
    }

    public SwitchableCatalog catalog() {
        return catalog;
    }

    public Optional<AwsSettings> settings() {
        return Optional.ofNullable(settings);
    }

    /** What the picker shows as chosen. */
    AwsTarget current() {
        AwsSettings now = settings;
        return now == null ? new AwsTarget(null, List.of(FIRST_REGION)) : new AwsTarget(now.profile(), now.regions());
    }

    /** The app bar's picker: the profiles of the user's AWS configuration, choosing calls {@link #choose}. */
    AwsTargetMenu menu() {
        return new AwsTargetMenu(AwsProfiles.list(), current(), this::choose);
    }

    /** Scans {@code target} from now on; returns at once, discovery reports progress per region as it goes. */
    void choose(AwsTarget target) {
        AwsSettings next = target.profile() == null && sandboxEndpoint != null
                ? AwsSettings.sandbox(sandboxEndpoint, target.regions())
                : target.profile() == null ? AwsSettings.defaultChain(target.regions())
                : AwsSettings.forProfile(target.profile(), target.regions());
        settings = next;
        catalog.switchTo(() -> new LambdaCatalog(next));
    }
}
