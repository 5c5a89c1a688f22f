package org.activationlab.ui.fit;

import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.TargetFunction;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.MainView;
import org.activationlab.ui.chart.PlotViewport;
import org.activationlab.ui.experiment.ExperimentFx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import static org.activationlab.ui.experiment.ExperimentFx.awaitFx;
import static org.activationlab.ui.experiment.ExperimentFx.barrier;
import static org.activationlab.ui.experiment.ExperimentFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the Edit data tool, a left click on the fit chart adds a training point there, a click on
 * a point (left or right) removes it; the Point tool never edits.
 */
@ExtendWith(ApplicationExtension.class)
class FitChartEditTest {

    private MainView view;

    @Start
    void start(Stage stage) {
        // 20 points, far apart, so that a right click near one finds only it.
        view = ExperimentFx.show(stage, ExperimentConfig.classic().withData(Dataset.generate(
                TargetFunction.SIN, 20, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X, 0, 0)));
    }

    @Stop
    void stop() {
        ExperimentFx.shutDown(view);
    }

    @Test
    void leftClickAddsAPointWhereClickedAndRightClickRemovesIt(FxRobot robot) {
        FitChart chart = view.fitChart();
        awaitFx("the fit chart to be drawn", () -> chart.viewport() != null && !chart.isDirty());
        onFx(() -> view.pointer().setTool(PointerTool.EDIT_DATA));
        PlotViewport v = onFx(chart::viewport);
        double x = 1.0;
        double y = 1.2;
        Point2D onScreen = onFx(() -> chart.localToScreen(v.pixelX(x), v.pixelY(y)));
        robot.clickOn(onScreen, MouseButton.PRIMARY);
        Snapshot added = barrier(view);
        Dataset data = added.config().data();
        assertEquals(21, data.size(), "one point more");
        assertTrue(data.target().isEmpty(), "edited data is custom");
        float[] xs = data.x();
        float[] ys = data.y();
        double pixelData = (v.maxX() - v.minX()) / v.width();
        assertEquals(x, xs[20], 1.5 * pixelData, "x where clicked");
        assertEquals(y, ys[20], 1.5 * (v.maxY() - v.minY()) / v.height(), "y where clicked");

        // The y range may widen for the new point: map with the viewport of the new data.
        awaitFx("the chart to show the new data", () -> view.model().snapshot().config().data().size() == 21
                && !chart.isDirty());
        PlotViewport now = onFx(chart::viewport);
        Point2D near = onFx(() -> chart.localToScreen(now.pixelX(xs[20]) + 4, now.pixelY(ys[20]) - 3));
        robot.clickOn(near, MouseButton.SECONDARY);
        Dataset removed = barrier(view).config().data();
        assertEquals(20, removed.size(), "one point fewer");
        for (int i = 0; i < removed.size(); i++) {
            assertTrue(removed.x()[i] != xs[20] || removed.y()[i] != ys[20], "the clicked point is gone");
        }

        // Far from every point, a right click removes nothing.
        Point2D empty = onFx(() -> chart.localToScreen(now.pixelX(0), now.pixelY(now.maxY() * 0.9)));
        robot.clickOn(empty, MouseButton.SECONDARY);
        assertEquals(20, barrier(view).config().data().size());
    }
}
