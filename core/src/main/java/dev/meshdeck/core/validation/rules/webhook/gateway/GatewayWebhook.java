package dev.meshdeck.core.validation.rules.webhook.gateway;

import dev.meshdeck.core.validation.Rule;
import java.util.List;

/** Istio's admission webhook checks of a Gateway (ValidateGateway, validateServer, validateTLSOptions). */
public final class GatewayWebhook {

    private GatewayWebhook() {
    }

    public static List<Rule> rules() {
        return List.of(
                new GatewayName(),
                new GatewayWithoutServers(),
                new ServerHosts(),
                new ServerPort(),
                new DuplicatePortName(),
                new ServerBind(),
                new ServerTlsForProtocol(),
                new HttpsRedirectOnNonHttp(),
                new ServerTlsCertificates(),
                new ServerTlsIgnoredCertificates(),
                new ServerCipherSuites());
    }
}
