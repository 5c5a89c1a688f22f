package org.activationlab.app;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.paint.Color;
import javafx.scene.layout.StackPane;
import javafx.scene.Scene;
import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.Initializer;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.TargetFunction;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.ExperimentFile;
import org.activationlab.training.Snapshot;
import org.activationlab.training.Trainer;
import org.activationlab.training.TrainerCommand;
import org.activationlab.ui.ActivationLabApp;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.MainView;
import org.activationlab.ui.chart.PlotViewport;
import org.activationlab.ui.files.PngExport;
import org.activationlab.ui.fit.FitChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code export-png}'s fit chart is the window's fit chart: the same chart object MainView builds,
 * with the features' overlays (the kink ticks and the linear net's equation), drawn by the same
 * {@link PngExport}. Probed in both images: a tick above the plot's bottom at every kink, and the
 * equation's text in the Linear network's colour under the curves.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ExportPngMatchesWindowTest {

    private static final double W = 760;
    private static final double H = 480;

    private static ExperimentFile.Contents contents() {
        ExperimentConfig config = ExperimentConfig.classic()
                .withData(Dataset.generate(TargetFunction.SIN, 100, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X, 0, 0))
                .withNetwork(new NetworkSpec(1, 16, Activations.RELU, Initializer.GLOROT_UNIFORM, 1, 0))
                .withEpochLimit(5);
        return ExperimentFile.Contents.of(config);
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static Snapshot trainedLikeTheCommand(Trainer trainer) throws Exception {
        long before = trainer.latest().sequence();
        trainer.send(new TrainerCommand.Play());
        return trainer.await(x -> x.sequence() > before && !x.playing(), 60_000);
    }

    private static int near(BufferedImage image, int x0, int y0, int x1, int y1, Color c, int tolerance) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(image.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(image.getWidth(), x1); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xff) - (int) Math.round(c.getRed() * 255)) <= tolerance
                        && Math.abs(((rgb >> 8) & 0xff) - (int) Math.round(c.getGreen() * 255)) <= tolerance
                        && Math.abs((rgb & 0xff) - (int) Math.round(c.getBlue() * 255)) <= tolerance) {
                    n++;
                }
            }
        }
        return n;
    }

    /** What the features draw on the fit chart, found in {@code image} of a chart with viewport {@code v}. */
    private static void assertTicksAndEquation(String which, BufferedImage image, PlotViewport v, double fs,
                                               double[] kinks, Color relu, Color ink) {
        int ticked = 0;
        for (double k : kinks) {
            int px = (int) Math.floor(Math.round(v.pixelX(k)) + 0.5);
            ticked += near(image, px - 1, (int) (v.bottom() - fs * 0.7), px + 2, (int) v.bottom() - 1, relu, 40) > 0 ? 1 : 0;
        }
        assertEquals(kinks.length, ticked, which + ": a tick at every kink");
        // Under y = −1 (the lowest data point) no curve runs; the equation's row is there.
        int text = near(image, (int) v.left() + 2, (int) (v.pixelY(-1) + fs * 0.6), (int) v.right() - 2,
                (int) (v.bottom() - fs * 0.8), ink, 40);
        assertTrue(text > 40, which + ": the linear net's equation is written (" + text + " pixels)");
    }

    @Test
    void commandLineFitChartHasTheWindowsTicksAndEquation() throws Exception {
        ExperimentImage.useHeadlessToolkit();
        BufferedImage cli = ExperimentImage.render(contents(), 5, ExperimentImage.Part.FIT_CHART, W, H, 1);
        assertEquals((int) W, cli.getWidth());

        try (Trainer trainer = new Trainer(contents().config(), Double.POSITIVE_INFINITY)) {
            Snapshot s = trainedLikeTheCommand(trainer);
            double[] kinks = s.models().get(0).shape().kinks();
            assertTrue(kinks.length >= 2, "the test needs kinks: " + kinks.length);
            assertTrue(s.models().get(1).shape().line() != null, "and a linear net's line");

            // The window: MainView in its scene, its fit chart exported as File ▸ Export does.
            Object[] window = onFx(() -> {
                MainView view = new MainView(new LabModel(trainer));
                Scene scene = ActivationLabApp.createScene(view, 1280, 800);
                view.fitChart().setSnapshot(s);
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                FitChart chart = view.fitChart();
                return new Object[]{PngExport.render(chart, 1), chart.viewport(), chart.fontSize(),
                        chart.modelColor(0), chart.color(org.activationlab.ui.chart.ChartCanvas.ChartColor.TEXT)};
            });
            Color relu = (Color) window[3];
            Color ink = (Color) window[4];
            assertTicksAndEquation("window", (BufferedImage) window[0], (PlotViewport) window[1], (double) window[2],
                    kinks, relu, ink);

            // The command's chart at the size asked for: the same pixels as the window's own chart laid
            // out there, and the same ticks and equation.
            Object[] alone = onFx(() -> {
                Parent root = ExperimentImage.fitChartAlone(new MainView(new LabModel(trainer)), s, W, H);
                root.applyCss();
                root.layout();
                FitChart chart = (FitChart) root.lookup("#fit-chart");
                return new Object[]{PngExport.render(root, 1), chart.viewport(), chart.fontSize()};
            });
            BufferedImage same = (BufferedImage) alone[0];
            int differing = 0;
            for (int y = 0; y < cli.getHeight(); y++) {
                for (int x = 0; x < cli.getWidth(); x++) {
                    differing += cli.getRGB(x, y) != same.getRGB(x, y) ? 1 : 0;
                }
            }
            assertEquals(0, differing, "export-png draws the window's fit chart");
            assertTicksAndEquation("export-png", cli, (PlotViewport) alone[1], (double) alone[2], kinks, relu, ink);

            // A bare chart (what export-png drew before) has neither: the probes can fail.
            BufferedImage bare = onFx(() -> {
                FitChart chart = new FitChart();
                chart.setSnapshot(s);
                StackPane pane = new StackPane(chart);
                Scene scene = new Scene(pane, W, H);
                scene.getStylesheets().add(Objects.requireNonNull(ActivationLabApp.class.getResource(
                        ActivationLabApp.STYLESHEET)).toExternalForm());
                pane.applyCss();
                pane.layout();
                return PngExport.render(pane, 1);
            });
            PlotViewport v = (PlotViewport) alone[1];
            double fs = (double) alone[2];
            int bareText = near(bare, (int) v.left() + 2, (int) (v.pixelY(-1) + fs * 0.6), (int) v.right() - 2,
                    (int) (v.bottom() - fs * 0.8), ink, 40);
            int cliText = near(cli, (int) v.left() + 2, (int) (v.pixelY(-1) + fs * 0.6), (int) v.right() - 2,
                    (int) (v.bottom() - fs * 0.8), ink, 40);
            assertTrue(cliText > bareText + 40, "the equation adds its text: " + cliText + " against " + bareText);
            int bareTicks = near(bare, (int) v.left() + 1, (int) (v.bottom() - fs * 0.7), (int) v.right() - 1,
                    (int) v.bottom() - 1, relu, 40);
            int cliTicks = near(cli, (int) v.left() + 1, (int) (v.bottom() - fs * 0.7), (int) v.right() - 1,
                    (int) v.bottom() - 1, relu, 40);
            assertTrue(cliTicks >= bareTicks + kinks.length * 5, "the ticks add pixels: " + cliTicks + " against " + bareTicks);
        }
    }
}
