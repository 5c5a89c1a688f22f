package org.activationlab.ui;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;

import static org.activationlab.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The app remembers its window size and recent files from one launch to the next. */
@ExtendWith(ApplicationExtension.class)
class PreferencesRestoreTest {

    @TempDir
    Path dir;

    private final Preferences node = Preferences.userRoot().node("org/activationlab-test-" + UUID.randomUUID());

    @Start
    void start(Stage stage) {
        // each launch below opens its own window
    }

    @AfterEach
    void forget() throws Exception {
        node.removeNode();
    }

    /** The app as launched, but with the test's preferences. */
    private ActivationLabApp launch(Stage[] window) throws Exception {
        AppPreferences preferences = new AppPreferences(node);
        ActivationLabApp app = new ActivationLabApp() {
            @Override
            protected AppPreferences preferences() {
                return preferences;
            }
        };
        window[0] = onFx(() -> {
            Stage stage = new Stage();
            app.start(stage);
            return stage;
        });
        return app;
    }

    private static List<String> recentItems(ActivationLabApp app) throws Exception {
        return onFx(() -> {
            Menu recent = (Menu) app.view().menu("File").getItems().stream()
                    .filter(i -> "file-recent".equals(i.getId())).findFirst().orElseThrow();
            return recent.getItems().stream().map(MenuItem::getText).filter(t -> t != null).toList();
        });
    }

    @Test
    void windowSizeAndRecentFilesAreRestoredOnTheNextLaunch() throws Exception {
        Stage[] first = new Stage[1];
        ActivationLabApp app = launch(first);
        assertEquals(ActivationLabApp.WIDTH, onFx(first[0]::getWidth), "first launch: the default size");
        assertEquals(ActivationLabApp.HEIGHT, onFx(first[0]::getHeight));
        Path older = dir.resolve("older.json");
        Path newer = dir.resolve("newer.json");
        Files.writeString(older, "{}");
        Files.writeString(newer, "{}");
        new AppPreferences(node).addRecentFile(older.toString());
        new AppPreferences(node).addRecentFile(newer.toString());
        onFx(() -> {
            first[0].setWidth(1100);
            first[0].setHeight(700);
            first[0].close();
            return null;
        });
        assertFalse(app.view().model().trainer().isAlive(), "closing the window shut the app down");

        Stage[] second = new Stage[1];
        ActivationLabApp again = launch(second);
        try {
            assertEquals(1100.0, onFx(second[0]::getWidth));
            assertEquals(700.0, onFx(second[0]::getHeight));
            List<String> recent = recentItems(again);
            assertEquals("newer.json  —  " + dir, recent.get(0));
            assertEquals("older.json  —  " + dir, recent.get(1));
        } finally {
            onFx(() -> {
                second[0].close();
                return null;
            });
        }
    }

    @Test
    void aSavedSizeLargerThanTheScreenOrSmallerThanTheMinimumIsBroughtWithinBounds() throws Exception {
        new AppPreferences(node).setWindowSize(100_000, 10);
        Stage[] window = new Stage[1];
        launch(window);
        try {
            javafx.geometry.Rectangle2D screen = onFx(() -> javafx.stage.Screen.getPrimary().getVisualBounds());
            assertEquals(Math.max(ActivationLabApp.MIN_WIDTH, screen.getWidth()), onFx(window[0]::getWidth));
            assertEquals(ActivationLabApp.MIN_HEIGHT, onFx(window[0]::getHeight));
        } finally {
            onFx(() -> {
                window[0].close();
                return null;
            });
        }
    }
}
