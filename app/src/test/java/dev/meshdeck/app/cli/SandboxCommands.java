package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.connectors.history.DataDirectory;
import dev.meshdeck.sandbox.Sandbox;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A fresh sandbox for commands that write: each command run against its kubeconfig, the history in {@code dir}, and a
 * client to read back what was written.
 */
final class SandboxCommands implements AutoCloseable {

    final Sandbox sandbox;
    final KubernetesClient client;

    SandboxCommands(Path dir) {
        sandbox = Sandbox.start(0, 0, 0);
        try {
            client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(sandbox.kubeconfig()))).build();
        } catch (IOException e) {
            sandbox.close();
            throw new UncheckedIOException(e);
        }
        System.setProperty(DataDirectory.PROPERTY, dir.resolve("data").toString());
    }

    Cli run(String... args) {
        return Cli.run(Stream.concat(Stream.of(args), Stream.of("--kubeconfig", sandbox.kubeconfig().toString()))
                .toArray(String[]::new));
    }

    /** The object as the cluster has it now (a missing node for one that does not exist). */
    JsonNode get(String apiVersion, String kind, String namespace, String name) {
        return Serialization.jsonMapper().valueToTree(
                client.genericKubernetesResources(apiVersion, kind).inNamespace(namespace).withName(name).get());
    }

    @Override
    public void close() {
        System.clearProperty(DataDirectory.PROPERTY);
        client.close();
        sandbox.close();
    }
}
