package org.activationlab.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.activationlab.engine.Activation;
import org.activationlab.engine.Activations;
import org.activationlab.training.Snapshot;
import org.activationlab.training.SwitchMode;
import org.activationlab.ui.chart.ChartCanvas;
import org.activationlab.ui.chart.PlotViewport;
import org.activationlab.ui.fit.FitChart;
import org.activationlab.ui.gallery.ActivationCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.util.List;

import static org.activationlab.ui.FxTestSupport.awaitChartsDrawn;
import static org.activationlab.ui.FxTestSupport.onFx;
import static org.activationlab.ui.FxTestSupport.snapshotOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window as it opens: paused at epoch 0 of 100 with ReLU against Linear, three curves drawn. */
@ExtendWith(ApplicationExtension.class)
class LaunchTest {

    private MainView view;

    @Start
    void start(Stage stage) {
        view = FxTestSupport.showMainView(stage);
    }

    @Stop
    void stop() {
        FxTestSupport.shutDown(view);
    }

    @Test
    void fitChartShowsTheTrueCurveAndBothModels(FxRobot robot) {
        awaitChartsDrawn(view);
        FitChart chart = view.fitChart();
        PlotViewport v = onFx(chart::viewport);
        WritableImage image = snapshotOf(chart);
        Snapshot s = onFx(() -> view.model().snapshot());
        // The legend sits above the plot; what the instruments draw over it is skipped.
        Rectangle2D legend = onFx(chart::overlayArea);
        double plotWidth = v.right() - v.left();

        CurvePixels truth = CurvePixels.scan(image, v, onFx(() -> chart.color(ChartCanvas.ChartColor.TRUE)),
                24, legend, 2);
        CurvePixels activation = CurvePixels.scan(image, v,
                onFx(() -> chart.color(ChartCanvas.ChartColor.ACTIVATION)), 24, legend, 2);
        CurvePixels linear = CurvePixels.scan(image, v, onFx(() -> chart.color(ChartCanvas.ChartColor.LINEAR)),
                24, legend, 2);
        FxTestSupport.dump(image, "launch-fit");
        String seen = "true " + truth + ", activation " + activation + ", linear " + linear;

        // A thick curve across the plot: at least a few pixels in most columns, and no floods of
        // colour (a filled area or a wrong background would give far more).
        double area = plotWidth * (v.bottom() - v.top());
        for (CurvePixels c : List.of(truth, activation, linear)) {
            assertTrue(c.pixelCount() < area * 0.08, "too many pixels of one colour: " + seen);
        }
        assertTrue(truth.columns().size() > 0.8 * truth.columnsScanned(), "true curve too sparse: " + seen);
        assertTrue(truth.pixelCount() > 3 * plotWidth, "true curve too thin: " + seen);
        // The true curve is sin(x).
        assertTrue(truth.shareNear(v, Math::sin, 3) > 0.95, "true curve is not sin(x): " + seen);
        // The activation model is drawn solid, over everything: in almost every column.
        assertTrue(activation.columns().size() > 0.8 * activation.columnsScanned(),
                "activation model curve too sparse: " + seen);
        assertTrue(activation.pixelCount() > 1.5 * plotWidth, "activation model curve too thin: " + seen);
        // The linear model is dashed (and hidden where the activation model crosses it).
        assertTrue(linear.columns().size() > 0.35 * linear.columnsScanned(), "linear model curve too sparse: " + seen);
        assertTrue(linear.pixelCount() > 0.8 * plotWidth, "linear model curve too thin: " + seen);
        // Both models are drawn where their predictions are.
        float[] gridX = s.config().data().gridX();
        float[] reluGrid = s.models().get(0).gridPredictions();
        float[] linearGrid = s.models().get(1).gridPredictions();
        assertTrue(activation.shareNear(v, x -> CurvePixels.interpolate(gridX, reluGrid, x), 3) > 0.95,
                "activation curve is not at the model's predictions: " + seen);
        assertTrue(linear.shareNear(v, x -> CurvePixels.interpolate(gridX, linearGrid, x), 3) > 0.95,
                "linear curve is not at the model's predictions: " + seen);
    }

    @Test
    void opensPausedAtEpochZeroWithReluActiveAndAllCards(FxRobot robot) {
        List<Activation> all = Activations.all();
        assertEquals(13, all.size());
        for (Activation a : all) {
            ActivationCard card = robot.lookup("#card-" + a.id()).queryAs(ActivationCard.class);
            assertNotNull(card, "card of " + a.id());
            assertSame(a, card.activation());
            assertEquals(a == Activations.RELU, onFx(card::isActive), "active state of " + a.id());
        }
        assertEquals(all.size(), robot.lookup(".activation-card").queryAll().size());

        Snapshot s = onFx(() -> view.model().snapshot());
        assertEquals(0, s.epoch());
        assertFalse(s.playing());
        assertSame(Activations.RELU, s.config().models().get(0));
        assertSame(Activations.LINEAR, s.config().models().get(1));

        Label counter = robot.lookup("#epoch-counter").queryAs(Label.class);
        assertEquals("epoch 0 / 100", onFx(counter::getText));
        Label hint = robot.lookup("#hint").queryAs(Label.class);
        assertTrue(onFx(() -> hint.isVisible() && hint.getScene() != null && hint.getWidth() > 0));
        assertEquals("Press Space to train", onFx(hint::getText));
        assertFalse(onFx(() -> robot.lookup("#banner").query().isVisible()));
        assertEquals("42", onFx(() -> robot.lookup("#seed").queryAs(TextField.class).getText()));
        assertEquals(100, onFx(() -> robot.lookup("#epoch-limit").queryAs(ChoiceBox.class).getValue()));
        assertEquals(20.0, onFx(() -> robot.lookup("#speed").queryAs(ChoiceBox.class).getValue()));
        assertEquals(SwitchMode.RESTART, onFx(() -> robot.lookup("#switch-mode").queryAs(ChoiceBox.class).getValue()));
        assertEquals("▶ Play", onFx(() -> robot.lookup("#play").queryAs(Button.class).getText()));
        assertTrue(onFx(() -> robot.lookup("#status").queryAs(Label.class).getText()).startsWith("Epoch 0 / 100"));
    }
}
