package dev.meshdeck.sandbox.kube;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A kubeconfig with one cluster, user and context, all named {@value #NAME}, for kubectl and the app. */
final class Kubeconfig {

    static final String NAME = "meshdeck-sandbox";

    private Kubeconfig() {
    }

    static Config of(String serverUrl, String token) {
        return new ConfigBuilder()
                .withApiVersion("v1")
                .withKind("Config")
                .addNewCluster().withName(NAME).withNewCluster().withServer(serverUrl).endCluster().endCluster()
                .addNewUser().withName(NAME).withNewUser().withToken(token).endUser().endUser()
                .addNewContext().withName(NAME).withNewContext()
                .withCluster(NAME).withUser(NAME).withNamespace("default")
                .endContext().endContext()
                .withCurrentContext(NAME)
                .build();
    }

    static Path write(Config config, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, Serialization.asYaml(config));
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // it holds a token: keep it private like kubectl does
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the sandbox kubeconfig to " + file
                    + ": check that the directory is writable", e);
        }
    }
}
