package org.activationlab.ui.files;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.ui.AnimationExport;
import org.activationlab.ui.FxTestSupport;
import org.activationlab.ui.MainView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.activationlab.ui.FxTestSupport.awaitFx;
import static org.activationlab.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * File ▸ Export ▸ Animation as GIF… in the app's window: the settings are checked as they are
 * typed, an export writes a looping GIF of the range off the FX thread, and Cancel leaves no file.
 */
@ExtendWith(ApplicationExtension.class)
class AnimationExportDialogTest {

    /** Long enough for a whole export of a few frames on a loaded machine. */
    private static final long EXPORT_TIMEOUT_MS = 90_000;

    @TempDir
    Path dir;

    private MainView view;
    private AnimationExportDialog dialog;

    @Start
    void start(Stage stage) {
        view = FxTestSupport.showMainView(stage, ExperimentConfig.classic());
        // Tests never open a real file chooser: the file is handed to start(…) directly.
        dialog = new AnimationExportDialog(view, name -> null);
    }

    @AfterEach
    void shutDown() {
        onFx(() -> {
            dialog.cancel();
            dialog.stage().hide();
            FxTestSupport.shutDown(view);
        });
        if (dialog.worker() != null) {
            FxTestSupport.await("the export thread to end", () -> dialog.worker() == null || !dialog.worker().isAlive(),
                    () -> "still running");
        }
    }

    private void set(String id, String text) {
        onFx(() -> ((TextField) dialog.stage().getScene().lookup("#" + id)).setText(text));
    }

    private String label(String id) {
        return onFx(() -> ((Label) dialog.stage().getScene().lookup("#" + id)).getText());
    }

    private boolean exportDisabled() {
        return onFx(() -> dialog.stage().getScene().lookup("#animation-export").isDisabled());
    }

    @Test
    void badRangesAndFrameRatesAreShownAndExportWaitsForGoodOnes() {
        onFx(dialog::show);
        assertEquals("100", onFx(() -> ((TextField) dialog.stage().getScene().lookup("#animation-to")).getText()),
                "the experiment's epoch limit");
        assertEquals("", label("animation-error"));
        assertFalse(exportDisabled());
        assertTrue(label("animation-summary").startsWith("101 frames, 5.1 s at 20 fps, "), label("animation-summary"));

        set("animation-from", "50");
        set("animation-to", "10");
        assertEquals("To epoch (10) must not be before From epoch (50)", label("animation-error"));
        assertTrue(exportDisabled());
        assertFalse(onFx(() -> dialog.start(dir.resolve("bad.gif"))), "nothing starts with bad settings");

        set("animation-to", "60");
        set("animation-fps", "120");
        assertEquals("Frames per second must be from 1 to 50, got 120", label("animation-error"));
        assertTrue(exportDisabled());

        set("animation-fps", "10");
        assertEquals("", label("animation-error"));
        assertFalse(exportDisabled());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anExportWritesALoopingGifOfTheRangeAtTheChartsSize() throws IOException {
        onFx(dialog::show);
        set("animation-from", "0");
        set("animation-to", "3");
        set("animation-fps", "10");
        Path gif = dir.resolve("run.gif");
        double[] chart = onFx(() -> {
            Region fit = view.fitChart();
            return new double[]{fit.getWidth(), fit.getHeight()};
        });
        assertTrue(onFx(() -> dialog.start(gif)));
        assertTrue(onFx(dialog::isRunning));
        assertTrue(onFx(() -> dialog.stage().getScene().lookup("#animation-export").isDisabled()), "one export at a time");
        FxTestSupport.await("the export to finish", EXPORT_TIMEOUT_MS, () -> !onFx(dialog::isRunning),
                () -> label("animation-status") + " / " + label("animation-error"));
        assertEquals("", label("animation-error"));
        assertTrue(label("animation-status").startsWith("Wrote run.gif: 4 frames of "), label("animation-status"));

        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(4, reader.getNumImages(true), "epochs 0, 1, 2 and 3");
            assertEquals(Math.round(chart[0]), reader.getWidth(0));
            assertEquals(Math.round(chart[1]), reader.getHeight(0));
            IIOMetadata first = reader.getImageMetadata(0);
            Node tree = first.getAsTree(first.getNativeMetadataFormatName());
            IIOMetadataNode loop = find(tree, "ApplicationExtension");
            assertNotNull(loop, "no looping extension");
            assertEquals("NETSCAPE", loop.getAttribute("applicationID"));
            byte[] data = (byte[]) loop.getUserObject();
            assertEquals(0, (data[1] & 0xff) | (data[2] & 0xff) << 8, "loop count 0 = for ever");
            assertEquals("10", find(tree, "GraphicControlExtension").getAttribute("delayTime"), "10 fps");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(gif), files.toList(), "no temporary file left");
        }
    }

    @Test
    void fitAndLossAtTwiceTheSizeStackTheLossChartUnderTheFit() throws IOException {
        onFx(dialog::show);
        set("animation-from", "2");
        set("animation-to", "3");
        onFx(() -> {
            @SuppressWarnings("unchecked")
            var part = (javafx.scene.control.ChoiceBox<AnimationExport.Part>) dialog.stage().getScene()
                    .lookup("#animation-part");
            part.setValue(AnimationExport.Part.FIT_AND_LOSS);
            ((javafx.scene.control.ChoiceBox<?>) dialog.stage().getScene().lookup("#animation-scale"))
                    .getSelectionModel().select(1);
        });
        double[] size = onFx(() -> {
            Region fit = view.fitChart();
            Region loss = view.lossChart();
            return new double[]{fit.getWidth(), fit.getHeight() + Math.max(120, loss.getHeight())};
        });
        Path gif = dir.resolve("both.gif");
        assertTrue(onFx(() -> dialog.start(gif)));
        FxTestSupport.await("the export to finish", EXPORT_TIMEOUT_MS, () -> !onFx(dialog::isRunning),
                () -> label("animation-status") + " / " + label("animation-error"));
        assertEquals("", label("animation-error"));
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(2, reader.getNumImages(true), "epochs 2 and 3");
            assertEquals(Math.round(size[0] * 2), reader.getWidth(0));
            assertEquals(Math.round(size[1] * 2), reader.getHeight(0));
        }
    }

    @Test
    void cancelStopsTheExportAndLeavesNoFile() throws IOException {
        onFx(dialog::show);
        set("animation-from", "0");
        set("animation-to", "2000");
        Path gif = dir.resolve("long.gif");
        assertTrue(onFx(() -> dialog.start(gif)));
        FxTestSupport.await("the first frames", EXPORT_TIMEOUT_MS,
                () -> onFx(() -> ((javafx.scene.control.ProgressBar) dialog.stage().getScene()
                        .lookup("#animation-progress")).getProgress() > 0),
                () -> label("animation-status") + " / " + label("animation-error"));
        onFx(() -> ((Button) dialog.stage().getScene().lookup("#animation-cancel")).fire());
        FxTestSupport.await("the export to stop", EXPORT_TIMEOUT_MS, () -> !onFx(dialog::isRunning),
                () -> label("animation-status"));
        assertEquals("Cancelled: no file written.", label("animation-status"));
        assertFalse(Files.exists(gif));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "no partial or temporary file");
        }
        assertFalse(onFx(() -> dialog.stage().getScene().lookup("#animation-export").isDisabled()),
                "a new export can start");
    }

    private static IIOMetadataNode find(Node node, String name) {
        if (node.getNodeName().equals(name)) {
            return (IIOMetadataNode) node;
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            IIOMetadataNode found = find(c, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
