package dev.meshdeck.core.validation.rules.webhook.exportto;

import dev.meshdeck.core.validation.Rule;
import java.util.List;

/** Istio's webhook check of the exportTo field shared by VirtualService, DestinationRule and ServiceEntry. */
public final class ExportToWebhook {

    private ExportToWebhook() {
    }

    public static List<Rule> rules() {
        return List.of(new ExportToEntries());
    }
}
