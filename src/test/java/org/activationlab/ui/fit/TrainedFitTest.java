package org.activationlab.ui.fit;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.CurvePixels;
import org.activationlab.ui.FxTestSupport;
import org.activationlab.ui.MainView;
import org.activationlab.ui.chart.ChartCanvas;
import org.activationlab.ui.chart.PlotViewport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.util.List;

import static org.activationlab.ui.FxTestSupport.awaitChartsDrawn;
import static org.activationlab.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After the classic 100 epochs the picture makes the point of the app: the ReLU network's curve
 * lies on sin(x), the linear network's curve is a straight line far from the peaks.
 */
@ExtendWith(ApplicationExtension.class)
class TrainedFitTest {

    /** Per channel; the canvas antialiases the lines' edges. */
    private static final int TOLERANCE = 40;

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
    void afterHundredEpochsReluFollowsSinAndLinearIsAStraightLine(FxRobot robot) {
        onFx(() -> view.model().setSpeed(Double.POSITIVE_INFINITY));
        FxTestSupport.awaitFx("the speed box to show Max",
                () -> Double.valueOf(Double.POSITIVE_INFINITY).equals(speedBox(robot).getValue()),
                () -> "speed box " + speedBox(robot).getValue());
        robot.type(KeyCode.SPACE);
        FxTestSupport.await("100 epochs at maximum speed", 45_000,
                () -> onFx(() -> view.model().snapshot().epoch() == 100 && !view.model().snapshot().playing()),
                () -> FxTestSupport.describe(view.model().trainer().latest()));
        awaitChartsDrawn(view);

        FitChart chart = view.fitChart();
        Snapshot s = onFx(() -> view.model().snapshot());
        PlotViewport v = onFx(chart::viewport);
        WritableImage image = FxTestSupport.snapshotOf(chart);
        FxTestSupport.dump(image, "trained-fit");
        assertEquals("epoch 100 / 100", onFx(() -> robot.lookup("#epoch-counter").queryAs(Label.class).getText()));
        String status = onFx(() -> robot.lookup("#status").queryAs(Label.class).getText());
        assertTrue(status.startsWith("Epoch 100 / 100") && status.contains("limit reached"), status);
        assertEquals("Max", onFx(() -> speedBox(robot).getConverter().toString(speedBox(robot).getValue())));
        double reluMse = s.models().get(0).mse();
        double linearMse = s.models().get(1).mse();
        assertTrue(reluMse < 0.01, "ReLU network MSE after 100 epochs: " + reluMse);
        assertTrue(linearMse > 0.3, "the linear network cannot fit sin(x): MSE " + linearMse);

        // The legend sits above the plot; what the instruments draw over it is skipped.
        Rectangle2D legend = onFx(chart::overlayArea);
        CurvePixels relu = CurvePixels.scan(image, v, onFx(() -> chart.color(ChartCanvas.ChartColor.ACTIVATION)),
                TOLERANCE, legend, 2);
        CurvePixels linear = CurvePixels.scan(image, v, onFx(() -> chart.color(ChartCanvas.ChartColor.LINEAR)),
                TOLERANCE, legend, 2);

        // The activation model is drawn on top of everything, in nearly every column, exactly
        // where the model predicts…
        assertTrue(relu.columns().size() > 0.9 * relu.columnsScanned(), "ReLU curve: " + relu);
        float[] gridX = s.config().data().gridX();
        float[] reluGrid = s.models().get(0).gridPredictions();
        double atModel = relu.shareNear(v, x -> CurvePixels.interpolate(gridX, reluGrid, x), 2.5);
        assertTrue(atModel > 0.97, "share of ReLU columns at the model's predictions: " + atModel);
        // …and that is on sin(x): a few pixels off at most, except a little at the ends of the range.
        double unit = v.pixelY(0) - v.pixelY(1);
        double sumSq = 0;
        double maxOff = 0;
        int near = 0;
        for (CurvePixels.Column c : relu.columns()) {
            double off = Math.abs(c.medianRow() - v.pixelY(Math.sin(v.dataX(c.centreX()))));
            sumSq += off * off;
            maxOff = Math.max(maxOff, off);
            near += off <= 5 ? 1 : 0;
        }
        double rmsUnits = Math.sqrt(sumSq / relu.columns().size()) / unit;
        double nearShare = (double) near / relu.columns().size();
        String fit = String.format(java.util.Locale.ROOT,
                "ReLU pixels vs sin(x): %.1f%% of columns within 5 px, rms %.4f, farthest %.1f px (1 = %.1f px)",
                100 * nearShare, rmsUnits, maxOff, unit);
        assertTrue(nearShare > 0.8, fit);
        assertTrue(rmsUnits * rmsUnits < 0.01, "the drawn curve's MSE against sin(x) is not < 0.01: " + fit);
        assertTrue(maxOff < 0.25 * unit, fit);

        // The linear model: dashed, so in fewer columns, but all on one straight line.
        assertTrue(linear.columns().size() > 0.4 * linear.columnsScanned(), "linear curve: " + linear);
        float[] linearGrid = s.models().get(1).gridPredictions();
        double linearAtModel = linear.shareNear(v, x -> CurvePixels.interpolate(gridX, linearGrid, x), 2.5);
        assertTrue(linearAtModel > 0.97, "share of linear columns at the model's predictions: " + linearAtModel);
        Line line = Line.fit(linear.columns());
        double worst = 0;
        for (CurvePixels.Column c : linear.columns()) {
            worst = Math.max(worst, Math.abs(c.medianRow() - line.at(c.centreX())));
        }
        assertTrue(line.rms < 1.0, "linear pixels off a straight line by " + line.rms + " px rms");
        assertTrue(worst < 3, "a linear pixel column lies " + worst + " px off the straight line");
        // …which misses the peaks and troughs of sin(x) by far (a unit of y is about 140 px).
        for (double peak : List.of(-1.5 * Math.PI, -0.5 * Math.PI, 0.5 * Math.PI, 1.5 * Math.PI)) {
            double px = v.pixelX(peak);
            double miss = Math.abs(line.at(px) - v.pixelY(Math.sin(peak)));
            assertTrue(miss > 0.6 * unit, "the linear curve is " + miss + " px from sin at x = " + peak);
        }
    }

    @SuppressWarnings("unchecked")
    private static ChoiceBox<Double> speedBox(FxRobot robot) {
        return robot.lookup("#speed").queryAs(ChoiceBox.class);
    }

    /** A least-squares line row = a + slope · x through the columns' median rows. */
    private record Line(double intercept, double slope, double rms) {

        static Line fit(List<CurvePixels.Column> columns) {
            int n = columns.size();
            double sx = 0;
            double sy = 0;
            for (CurvePixels.Column c : columns) {
                sx += c.centreX();
                sy += c.medianRow();
            }
            double mx = sx / n;
            double my = sy / n;
            double sxx = 0;
            double sxy = 0;
            for (CurvePixels.Column c : columns) {
                double dx = c.centreX() - mx;
                sxx += dx * dx;
                sxy += dx * (c.medianRow() - my);
            }
            double slope = sxy / sxx;
            double intercept = my - slope * mx;
            double ss = 0;
            for (CurvePixels.Column c : columns) {
                double r = c.medianRow() - (intercept + slope * c.centreX());
                ss += r * r;
            }
            return new Line(intercept, slope, Math.sqrt(ss / n));
        }

        double at(double x) {
            return intercept + slope * x;
        }
    }
}
