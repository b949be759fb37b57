package dev.meshdeck.app.window;

import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** The docs' screenshots, taken by the window tests when -Dmeshdeck.screenshots=DIR names where to put them. */
final class Screenshots {

    private Screenshots() {
    }

    static void save(Parent root, String name) throws Exception {
        String dir = System.getProperty("meshdeck.screenshots");
        if (dir != null) {
            Path file = Path.of(dir).resolve(name);
            WaitForAsyncUtils.asyncFx(() -> ImageIO.write(SwingFXUtils.fromFXImage(root.getScene().snapshot(null), null),
                    "png", file.toFile())).get();
        }
    }
}
