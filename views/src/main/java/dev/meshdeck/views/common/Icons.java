package dev.meshdeck.views.common;

import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.SourceStatus;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.Locale;

/** The icons of the domain, styled by class in views.css (colour per platform, state and health level). */
public final class Icons {

    private Icons() {
    }

    public static FontIcon of(Ikon ikon, String... styleClasses) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().addAll(styleClasses);
        return icon;
    }

    public static FontIcon platform(Platform platform) {
        return of(platformIkon(platform), "platform-icon", platform.id());
    }

    public static FontIcon source(SourceRef source) {
        return source instanceof SourceRef.AwsRegion
                ? of(MaterialDesignA.AWS, "source-icon", "aws")
                : of(MaterialDesignS.SHIP_WHEEL, "source-icon", "kube");
    }

    public static FontIcon state(SourceStatus.State state) {
        return of(stateIkon(state), "state-icon", styleClass(state));
    }

    public static FontIcon health(Health.Level level) {
        return of(MaterialDesignC.CIRCLE_MEDIUM, "health-icon", styleClass(level));
    }

    /** "connected", "failed", ...: the style class for a source state. */
    public static String styleClass(SourceStatus.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /** "health-healthy", "health-down", ...: the style class for a health level. */
    public static String styleClass(Health.Level level) {
        return "health-" + level.name().toLowerCase(Locale.ROOT);
    }

    private static Ikon platformIkon(Platform platform) {
        switch (platform) {
            case KNATIVE:
                return MaterialDesignA.ALPHA_K_BOX;
            case OPENFAAS:
                return MaterialDesignF.FUNCTION_VARIANT;
            case KUBELESS:
                return MaterialDesignC.CUBE_OUTLINE;
            case KUBERNETES:
                return MaterialDesignK.KUBERNETES;
            default:
                return MaterialDesignL.LAMBDA;
        }
    }

    private static Ikon stateIkon(SourceStatus.State state) {
        switch (state) {
            case CONNECTED:
                return MaterialDesignC.CHECK_CIRCLE;
            case FAILED:
                return MaterialDesignA.ALERT_CIRCLE;
            case STALE:
                return MaterialDesignC.CLOCK_ALERT_OUTLINE;
            case DEGRADED:
                return MaterialDesignA.ALERT_OUTLINE;
            default:
                return MaterialDesignS.SYNC;
        }
    }
}
