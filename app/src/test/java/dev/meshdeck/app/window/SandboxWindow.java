package dev.meshdeck.app.window;

import dev.meshdeck.app.cli.SourceOptions;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.connectors.history.DataDirectory;
import dev.meshdeck.core.changes.ProductionArming;
import dev.meshdeck.core.changes.ProductionGuard;
import dev.meshdeck.views.MainWindow;
import dev.meshdeck.views.WindowOptions;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a fresh sandbox with apply wired as the app wires it (its history in the sandbox's own store),
 * the user's data directory pointed at {@code data} so that nothing a test does reaches the real one, and a
 * client to read the sandbox back. Started off the FX thread before the window is shown.
 */
final class SandboxWindow implements AutoCloseable {

    final Sources sources;
    final KubernetesClient client;
    final MainWindow window;

    private SandboxWindow(Sources sources, KubernetesClient client, MainWindow window) {
        this.sources = sources;
        this.client = client;
        this.window = window;
    }

    static SandboxWindow open(Path data) throws Exception {
        System.setProperty(DataDirectory.PROPERTY, data.toString());
        Sources sources = Sources.resolve(new SourceOptions(), true, true, 0);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(
                Files.readString(sources.sandbox().orElseThrow().kubeconfig()))).build();
        MainWindow window = new MainWindow(sources.catalog(), WindowOptions.sandbox("MeshDeck"))
                .withChanges(new WindowChanges(sources), new ProductionArming(ProductionGuard.DEFAULT_PATTERN, Clock.systemUTC()));
        window.setWorkloads(sources.kube());
        WaitForAsyncUtils.asyncFx(() -> window.show(new Stage())).get();
        return new SandboxWindow(sources, client, window);
    }

    @Override
    public void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> new ArrayList<>(Window.getWindows()).forEach(Window::hide)).get();
        client.close();
        sources.close();
        System.clearProperty(DataDirectory.PROPERTY);
    }
}
