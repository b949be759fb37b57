package dev.meshdeck.connectors.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes kubeconfig files whose contexts point at mock API servers (or at nothing). */
final class TestKubeconfig {

    private final Map<String, String> servers = new LinkedHashMap<>();

    /** Adds context {@code name} with a cluster and user of the same name, talking to {@code server}. */
    TestKubeconfig context(String name, String server) {
        servers.put(name, server.endsWith("/") ? server.substring(0, server.length() - 1) : server);
        return this;
    }

    String yaml() {
        StringBuilder clusters = new StringBuilder();
        StringBuilder contexts = new StringBuilder();
        StringBuilder users = new StringBuilder();
        servers.forEach((name, server) -> {
            clusters.append("""
                    - name: %s
                      cluster:
                        server: %s
                        insecure-skip-tls-verify: true
                    """.formatted(name, server));
            contexts.append("""
                    - name: %s
                      context:
                        cluster: %s
                        user: %s
                    """.formatted(name, name, name));
            users.append("""
                    - name: %s
                      user:
                        token: secret-token-of-%s
                    """.formatted(name, name));
        });
        return "apiVersion: v1\nkind: Config\ncurrent-context: " + servers.keySet().iterator().next()
                + "\nclusters:\n" + clusters + "contexts:\n" + contexts + "users:\n" + users;
    }

    Path writeTo(Path file) {
        try {
            return Files.writeString(file, yaml());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An https URL on a local port nothing listens on. */
    static String closedPortUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "https://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
