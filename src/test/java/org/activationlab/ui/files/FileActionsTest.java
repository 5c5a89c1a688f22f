package org.activationlab.ui.files;

import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.activationlab.engine.Activations;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.ExperimentFile;
import org.activationlab.training.Snapshot;
import org.activationlab.training.SwitchMode;
import org.activationlab.training.Trainer;
import org.activationlab.ui.ActivationLabApp;
import org.activationlab.ui.AppPreferences;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.MainView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the File menu calls: open, save and export, with their dialogs, on the real view. */
@ExtendWith(ApplicationExtension.class)
public class FileActionsTest {

    private static final long TIMEOUT_MS = 10_000;

    @TempDir
    Path dir;

    private MainView view;
    private FileActions files;
    private Preferences node;

    @Start
    void start(Stage stage) {
        node = Preferences.userRoot().node("org/activationlab-test-" + UUID.randomUUID());
        view = new MainView(new LabModel(new Trainer(ExperimentConfig.classic())));
        stage.setScene(ActivationLabApp.createScene(view));
        files = new FileActions(view, new AppPreferences(node));
        new FileMenu(view, files).install();
        view.start();
        stage.show();
    }

    @Stop
    void stop() {
        view.stop();
        view.model().close();
    }

    @AfterEach
    void closeDialogsAndForgetPreferences(FxRobot robot) throws Exception {
        onFx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w.getScene() != null && w.getScene().getRoot() instanceof DialogPane) {
                    ((Stage) w).close();
                }
            }
            return null;
        });
        node.removeNode();
    }

    static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    /** Waits until the trainer has published a state that satisfies {@code condition}. */
    private Snapshot awaitTrainer(java.util.function.Predicate<Snapshot> condition) throws Exception {
        return view.model().trainer().await(condition, TIMEOUT_MS);
    }

    /**
     * With no other command pending, sends a Pause (nothing plays here, so it changes nothing)
     * and returns the state published after it: whatever the test did since is then applied.
     */
    private Snapshot quietBarrier() throws Exception {
        Trainer trainer = view.model().trainer();
        long sequence = trainer.latest().sequence();
        onFx(() -> {
            view.model().pause();
            return null;
        });
        return awaitTrainer(s -> s.sequence() > sequence);
    }

    /** The dialogs on screen, found as a user would see them. */
    private static Set<DialogPane> dialogs(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".dialog-pane").queryAllAs(DialogPane.class);
    }

    /** Open and save dialogs start in the user's home, then in the folder last used — not where the app was started. */
    @Test
    void dialogsStartInTheHomeFolderThenInTheLastOneUsed() throws Exception {
        FileMenu menu = onFx(() -> new FileMenu(view, files));
        assertEquals(Path.of(System.getProperty("user.home")), onFx(menu::initialDirectory),
                "no file used yet: the home folder");
        Path saved = dir.resolve("lesson-setup.json");
        assertTrue(onFx(() -> files.save(saved)));
        assertEquals(saved.toAbsolutePath().normalize().getParent(), onFx(menu::initialDirectory),
                "after a save: that file's folder");
    }

    @Test
    void exportWritesPngsOfTheChartAndWindowAtOneAndTwiceTheirSize() throws Exception {
        double chartWidth = onFx(() -> view.fitChart().getWidth());
        double chartHeight = onFx(() -> view.fitChart().getHeight());
        double windowWidth = onFx(() -> view.getWidth());
        double windowHeight = onFx(() -> view.getHeight());
        assertTrue(chartWidth > 300 && chartHeight > 200, chartWidth + "×" + chartHeight);

        int[] sharpEdges = new int[3];
        for (int scale : new int[] {1, 2}) {
            Path chart = dir.resolve("chart-" + scale + ".png");
            Path window = dir.resolve("window-" + scale + ".png");
            assertTrue(onFx(() -> files.exportChartPng(scale, chart)));
            assertTrue(onFx(() -> files.exportWindowPng(scale, window)));

            BufferedImage c = ImageIO.read(chart.toFile());
            assertEquals(Math.round(chartWidth * scale), c.getWidth());
            assertEquals(Math.round(chartHeight * scale), c.getHeight());
            BufferedImage w = ImageIO.read(window.toFile());
            assertEquals(Math.round(windowWidth * scale), w.getWidth());
            assertEquals(Math.round(windowHeight * scale), w.getHeight());
            // the chart's top-left corner is its white background, not the window's grey around it
            assertEquals(0xffffffff, c.getRGB(scale, scale), "chart background at " + scale + "×");
            sharpEdges[scale] = sharpEdges(c);
        }
        // Drawn again at 2×, every edge of text and lines is still a jump from one pixel to the
        // next, and there are twice as many rows of them; a 1× bitmap enlarged would blur them.
        assertTrue(sharpEdges[2] > 1.6 * sharpEdges[1], "sharp edges at 1×: " + sharpEdges[1] + ", at 2×: " + sharpEdges[2]);
        assertEquals(chartWidth, onFx(() -> view.fitChart().getWidth()), "the chart kept its size");
    }

    /** Neighbouring pixels that differ in brightness by more than half the range. */
    private static int sharpEdges(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 1; x < image.getWidth(); x++) {
                if (Math.abs(brightness(image.getRGB(x, y)) - brightness(image.getRGB(x - 1, y))) > 128) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int brightness(int rgb) {
        return (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
    }

    @Test
    void openingACorruptFileShowsAnErrorAndLeavesTheExperiment(FxRobot robot) throws Exception {
        onFx(() -> {
            view.model().setSeed(7);
            return null;
        });
        ExperimentConfig before = awaitTrainer(s -> s.config().seed() == 7).config();
        Path corrupt = dir.resolve("broken.json");
        Files.writeString(corrupt, ExperimentFile.toJson(ExperimentFile.Contents.of(ExperimentConfig.classic()))
                .replace("\"depth\": 2", "\"depth\": 9"));

        assertFalse(onFx(() -> files.open(corrupt)));

        Set<DialogPane> shown = dialogs(robot);
        assertEquals(1, shown.size());
        DialogPane pane = shown.iterator().next();
        assertEquals("Could not open \u201cbroken.json\u201d", pane.getHeaderText());
        assertTrue(pane.getContentText().startsWith("network.depth must be 1–8, got 9"), pane.getContentText());
        assertTrue(pane.getContentText().contains("not changed"), pane.getContentText());
        assertSame(before, quietBarrier().config(), "the experiment is untouched");
        assertEquals(7, view.model().trainer().latest().config().seed());
        assertNull(files.currentFile());
        assertEquals(List.of(), files.recentFiles());

        Path truncated = dir.resolve("cut.json");
        String text = ExperimentFile.toJson(ExperimentFile.Contents.of(ExperimentConfig.classic()));
        Files.writeString(truncated, text.substring(0, text.length() / 3));
        assertFalse(onFx(() -> files.open(truncated)));
        assertTrue(dialogs(robot).stream().anyMatch(p -> p.getContentText().startsWith("the file ends too early")));
        assertSame(before, quietBarrier().config());

        // These threw out of File ▸ Open without any dialog (NumberFormatException, OutOfMemoryError).
        Path extreme = dir.resolve("extreme.json");
        Files.writeString(extreme, text.replace("\"batch_size\": 32", "\"batch_size\": 1e-2147483649"));
        assertFalse(onFx(() -> files.open(extreme)));
        assertTrue(dialogs(robot).stream().anyMatch(p -> p.getContentText().startsWith("batch_size must be a whole number")));
        assertFalse(onFx(() -> files.open(Path.of("/dev/zero"))));
        assertTrue(dialogs(robot).stream().anyMatch(p -> p.getContentText().startsWith("not a regular file")));
        assertSame(before, quietBarrier().config());
    }

    @Test
    void savingAndOpeningRestoresTheExperimentAndRemembersTheFile(FxRobot robot) throws Exception {
        Path file = dir.resolve("lesson.json");
        onFx(() -> {
            view.model().selectActivation(Activations.TANH);
            view.model().setSpeed(5);
            view.model().switchModeProperty().set(SwitchMode.KEEP_WEIGHTS);
            view.model().lessonIdProperty().set("why-activations");
            return null;
        });
        awaitTrainer(s -> s.config().activation() == Activations.TANH && s.epochsPerSecond() == 5);
        assertTrue(onFx(() -> files.save(file)));
        assertEquals(file, files.currentFile());
        onFx(() -> {
            view.model().selectActivation(Activations.RELU);
            view.model().setSeed(3);
            view.model().setSpeed(60);
            view.model().switchModeProperty().set(SwitchMode.RESTART);
            view.model().lessonIdProperty().set(null);
            return null;
        });
        awaitTrainer(s -> s.config().activation() == Activations.RELU && s.config().seed() == 3
                && s.epochsPerSecond() == 60);
        // Those edits are unsaved: opening asks, and the answer throws them away.
        files.setPrompt(name -> UnsavedChangesPrompt.Choice.DONT_SAVE);

        assertTrue(onFx(() -> files.open(file)));

        Snapshot s = awaitTrainer(x -> x.config().seed() == 42 && x.epochsPerSecond() == 5);
        assertEquals(List.of(Activations.TANH, Activations.LINEAR), s.config().models());
        assertEquals(42, s.config().seed());
        assertEquals(5.0, s.epochsPerSecond());
        assertEquals(0, s.epoch());
        assertEquals(SwitchMode.KEEP_WEIGHTS, onFx(() -> view.model().switchModeProperty().get()));
        assertEquals("why-activations", onFx(() -> view.model().lessonIdProperty().get()));
        assertEquals(List.of(file), files.recentFiles());
        assertEquals(Set.of(), dialogs(robot), "no warnings, no dialog");
        Menu recent = onFx(() -> (Menu) view.menu("File").getItems().stream()
                .filter(i -> "file-recent".equals(i.getId())).findFirst().orElseThrow());
        MenuItem first = onFx(() -> recent.getItems().get(0));
        assertTrue(first.getText().startsWith("lesson.json"), first.getText());
        assertFalse(first.isDisable());
    }

    @Test
    void aFileWithUnknownFieldsOpensWithANonBlockingNotice(FxRobot robot) throws Exception {
        Path file = dir.resolve("future.json");
        Files.writeString(file, ExperimentFile.toJson(ExperimentFile.Contents.of(
                ExperimentConfig.classic().withSeed(99))).replace("\"version\": 1", "\"version\": 2, \"glow\": true"));

        assertTrue(onFx(() -> files.open(file)));

        awaitTrainer(s -> s.config().seed() == 99);
        Set<DialogPane> shown = dialogs(robot);
        assertEquals(1, shown.size());
        DialogPane notice = shown.iterator().next();
        assertTrue(notice.getStyleClass().contains("file-notice"));
        assertTrue(notice.getContentText().contains("unknown field glow skipped"), notice.getContentText());
        assertTrue(notice.getContentText().contains("version 2"), notice.getContentText());
        assertEquals(Modality.NONE, onFx(() -> ((Stage) notice.getScene().getWindow()).getModality()));
    }

    @Test
    void aRecentFileThatWasDeletedIsReportedAndForgotten(FxRobot robot) throws Exception {
        Path file = dir.resolve("gone.json");
        assertTrue(onFx(() -> files.save(file)));
        Files.delete(file);
        MenuItem item = onFx(() -> {
            Menu fileMenu = view.menu("File");
            fileMenu.show();
            Menu recent = (Menu) fileMenu.getItems().stream()
                    .filter(i -> "file-recent".equals(i.getId())).findFirst().orElseThrow();
            MenuItem first = recent.getItems().get(0);
            fileMenu.hide();
            return first;
        });
        // Rebuilt as the File menu shows: listed, but marked and disabled.
        assertTrue(item.getText().startsWith("gone.json (not found)"), item.getText());
        assertTrue(item.isDisable());

        assertFalse(onFx(() -> files.open(file)));

        DialogPane pane = dialogs(robot).iterator().next();
        assertTrue(pane.getContentText().contains("no longer exists"), pane.getContentText());
        assertTrue(pane.getContentText().contains("taken off the recent files"), pane.getContentText());
        assertEquals(List.of(), files.recentFiles());
    }
}
