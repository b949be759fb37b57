package dev.meshdeck.connectors.aws;

import dev.meshdeck.core.inventory.InventoryEvent;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

import java.net.URI;
import java.util.List;

/**
 * Run in a child JVM by {@link ExpiredSsoSessionTest}: the SDK finds its SSO token cache under $HOME, which
 * only a new process can be given. Prints the SDK's own exception type, then what MeshDeck tells the user.
 */
public final class SsoStatusProbe {

    private SsoStatusProbe() {
    }

    public static void main(String[] args) {
        String profile = args[0];
        try (ProfileCredentialsProvider provider = ProfileCredentialsProvider.create(profile)) {
            provider.resolveCredentials();
            System.out.println("sdk: resolved");
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.out.println("sdk: " + cause.getClass().getName());
        }
        try (LambdaCatalog catalog = new LambdaCatalog(AwsSettings.forProfile(profile, List.of("eu-west-1"))
                .withEndpoint(URI.create(args[1])))) {
            for (InventoryEvent event : catalog.discover()) {
                if (event instanceof InventoryEvent.SourceChanged changed) {
                    System.out.println("status: " + changed.status().state() + " " + changed.status().message());
                }
            }
        }
    }
}
