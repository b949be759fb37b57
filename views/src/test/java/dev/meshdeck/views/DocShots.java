package dev.meshdeck.views;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Screenshots for docs/: written only when -Dmeshdeck.screenshots=DIR is set, as the app's window tests do. */
final class DocShots {

    private DocShots() {
    }

    static void save(Scene scene, String name) throws Exception {
        String dir = System.getProperty("meshdeck.screenshots");
        if (dir != null) {
            Path file = Path.of(dir).resolve(name);
            Files.createDirectories(file.getParent());
            WaitForAsyncUtils.asyncFx(() -> ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png",
                    file.toFile())).get();
        }
    }
}
