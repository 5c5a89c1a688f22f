package org.activationlab.ui.fit;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.activationlab.engine.Dataset;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.classroom.ClassroomFixture;
import org.activationlab.ui.experiment.ExperimentFx;
import org.activationlab.ui.FxTestSupport;
import org.activationlab.ui.MemoryPreferences;
import org.activationlab.ui.chart.ChartCanvas;
import org.activationlab.ui.chart.PlotViewport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.activationlab.ui.classroom.ClassroomFixture.awaitFx;
import static org.activationlab.ui.classroom.ClassroomFixture.onFx;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One owner of the fit chart's mouse: with the Point tool (the default) clicks never change the
 * data; a note (A, click) never adds a training point.
 */
@ExtendWith(ApplicationExtension.class)
class PointerToolsTest {

    private ClassroomFixture app;

    @Start
    void start(Stage stage) {
        app = ClassroomFixture.show(stage, new MemoryPreferences());
    }

    @AfterEach
    void close() {
        app.close();
    }

    /** Trains two epochs so that a restart (back to epoch 0) would show. */
    private Snapshot trainTwoEpochs(FxRobot robot) {
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        return ExperimentFx.await(app.view, "epoch 2", s -> s.epoch() == 2);
    }

    /** Defect 1: A, click, type, Enter pins a note and leaves the experiment alone. */
    @Test
    void aNoteNeverAddsATrainingPoint(FxRobot robot) {
        app.awaitChartsDrawn();
        Snapshot before = trainTwoEpochs(robot);
        Dataset data = before.config().data();
        assertEquals(1000, data.size());
        PlotViewport viewport = onFx(() -> app.view.fitChart().viewport());

        robot.type(KeyCode.A);
        robot.clickOn(app.fitScreenPoint(1.0, 0.5));
        awaitFx("the note editor", () -> app.view.getScene().getFocusOwner() != null
                && "annotation-editor".equals(app.view.getScene().getFocusOwner().getId()));
        robot.write("kink");
        robot.type(KeyCode.ENTER);
        awaitFx("the note", () -> app.view.lookup(".annotation-note") != null);

        Snapshot after = ExperimentFx.barrier(app.view);
        assertSame(data, after.config().data(), "the data is the same object: no point added");
        assertEquals(2, after.epoch(), "the networks were not restarted");
        assertTrue(after.config().data().target().isPresent(), "the true function (and its legend) stays");
        app.awaitChartsDrawn();
        PlotViewport now = onFx(() -> app.view.fitChart().viewport());
        assertEquals(viewport.minX(), now.minX(), 1e-9, "the x axis still starts at −2π");
        assertEquals(viewport.maxX(), now.maxX(), 1e-9, "the x axis still ends at 2π");

        robot.type(KeyCode.DELETE);
        awaitFx("the note removed", () -> app.view.lookup(".annotation-note") == null);
        Snapshot last = ExperimentFx.barrier(app.view);
        assertSame(data, last.config().data(), "Delete removed the note only");
        assertEquals(2, last.epoch());
    }

    /** Defect 2: a teacher who clicks to point at something does not change the experiment. */
    @Test
    void clicksWithThePointToolNeverChangeTheData(FxRobot robot) {
        app.awaitChartsDrawn();
        Snapshot before = trainTwoEpochs(robot);
        robot.clickOn(app.fitScreenPoint(1.0, 1.2), MouseButton.PRIMARY);
        robot.clickOn(app.fitScreenPoint(-3.0, -1.0), MouseButton.PRIMARY);
        robot.clickOn(app.fitScreenPoint(-3.0, -1.0), MouseButton.SECONDARY);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        Snapshot after = ExperimentFx.barrier(app.view);
        assertSame(before.config().data(), after.config().data());
        assertEquals(2, after.epoch());
        assertNull(app.view.lookup(".annotation-note"));
        assertNotNull(after);
    }

    /** D turns Edit data on (the tool row shows it): a click adds a point, a click on it removes it. */
    @Test
    void editDataToolAddsAndRemovesPointsAndTheToolRowShowsTheTool(FxRobot robot) {
        app.awaitChartsDrawn();
        ToggleButton point = onFx(() -> (ToggleButton) app.view.lookup("#tool-point"));
        ToggleButton edit = onFx(() -> (ToggleButton) app.view.lookup("#tool-edit-data"));
        assertTrue(onFx(point::isSelected), "Point is the default tool");
        assertTrue(onFx(() -> edit.isVisible() && edit.getScene() != null && edit.getWidth() > 0
                && edit.localToScene(edit.getLayoutBounds()).getMaxX() <= app.view.getScene().getWidth()),
                "the Edit data toggle is on screen");

        robot.type(KeyCode.D);
        assertEquals(PointerTool.EDIT_DATA, onFx(() -> app.view.pointer().tool()));
        assertTrue(onFx(edit::isSelected));
        assertFalse(onFx(point::isSelected));
        robot.clickOn(app.fitScreenPoint(-5.0, -1.3));
        Dataset added = ExperimentFx.barrier(app.view).config().data();
        assertEquals(1001, added.size());
        assertEquals(-5.0, added.x()[1000], 0.05);
        assertEquals(-1.3, added.y()[1000], 0.05);

        awaitFx("the chart to show the new data", () -> app.view.model().snapshot().config().data() == added
                && !app.view.fitChart().isDirty());
        robot.clickOn(onFx(() -> {
            PlotViewport v = app.view.fitChart().viewport();
            return app.view.fitChart().localToScreen(v.pixelX(added.x()[1000]) + 5, v.pixelY(added.y()[1000]) - 4);
        }));
        Dataset removed = ExperimentFx.barrier(app.view).config().data();
        assertEquals(1000, removed.size(), "a click on the point removed it");

        // The Point tool's button, clicked, gives clicks back to pointing.
        robot.clickOn(point);
        assertEquals(PointerTool.POINT, onFx(() -> app.view.pointer().tool()));
        robot.clickOn(app.fitScreenPoint(-5.0, -1.3));
        assertSame(removed, ExperimentFx.barrier(app.view).config().data());
        robot.clickOn(point);
        assertTrue(onFx(point::isSelected), "clicking the selected tool keeps exactly one selected");
    }

    /** The Point tool's hover reads out x and every curve's value there, inside the plot. */
    @Test
    void hoverWithThePointToolReadsOutTheCurvesValues(FxRobot robot) {
        app.awaitChartsDrawn();
        robot.moveTo(app.fitScreenPoint(1.0, -1.2));
        awaitFx("the read-out", () -> app.view.fitChart().probeBounds() != null && !app.view.fitChart().isDirty());
        double x = onFx(() -> app.view.fitChart().probeX());
        PlotViewport v = onFx(() -> app.view.fitChart().viewport());
        assertEquals(1.0, x, 1.5 * (v.maxX() - v.minX()) / v.width());
        Snapshot s = onFx(() -> app.view.model().snapshot());
        List<FitProbe.Reading> readings = FitProbe.read(s, x);
        assertEquals(3, readings.size(), "true function and both networks");
        assertEquals(Math.sin(x), readings.get(0).value(), 1e-9);
        // The linear network is one line; the trainer worked out which, from its weights.
        var line = s.models().get(1).shape().line();
        assertEquals(line.slope() * x + line.intercept(), readings.get(2).value(), 1e-4);
        Rectangle2D box = onFx(() -> app.view.fitChart().probeBounds());
        assertTrue(box.getMinX() >= v.left() && box.getMaxX() <= v.right() && box.getMinY() >= v.top()
                && box.getMaxY() <= v.bottom(), "the read-out stays inside the plot: " + box);

        robot.moveTo(onFx(() -> app.view.fitChart().localToScreen(2, 2)));
        awaitFx("no read-out outside the plot", () -> app.view.fitChart().probeBounds() == null
                || Double.isNaN(app.view.fitChart().probeX()));
    }

    /**
     * At 250 % text the plot is short; the read-out shrinks, and where even half size would hide
     * most of the curves it reads it is left out (the guide line and dots stay).
     */
    @Test
    void theReadOutNeverHidesMostOfAShortPlot(FxRobot robot) {
        app.awaitChartsDrawn();
        onFx(() -> app.classroom.appearance().setScalePercent(250));
        app.awaitChartsDrawn();
        robot.moveTo(app.fitScreenPoint(1.0, 0.0));
        awaitFx("the pointer over the plot", () -> !Double.isNaN(app.view.fitChart().probeX())
                && !app.view.fitChart().isDirty());
        PlotViewport v = onFx(() -> app.view.fitChart().viewport());
        Rectangle2D box = onFx(() -> app.view.fitChart().probeBounds());
        assertTrue(box == null || box.getHeight() <= 0.6 * (v.bottom() - v.top()) + 1,
                "the read-out " + box + " covers most of a plot " + (v.bottom() - v.top()) + " px tall");
    }

    /** Defect 2: a point clicked in is a dot seen from the back of the room, growing with the text. */
    @Test
    void aPointClickedInIsDrawnLargeAndGrowsWithTheTextSize(FxRobot robot) {
        app.awaitChartsDrawn();
        robot.type(KeyCode.D);
        robot.clickOn(app.fitScreenPoint(-2.0, 1.2));
        Dataset added = ExperimentFx.barrier(app.view).config().data();
        assertEquals(1001, added.size());
        robot.type(KeyCode.D);
        double small = dotWidth(added, 1000);
        assertTrue(small >= 13, "at 100 % a point clicked in is at least 13 px across, was " + small);
        onFx(() -> app.classroom.appearance().setScalePercent(250));
        app.awaitChartsDrawn();
        double large = dotWidth(added, 1000);
        assertTrue(large >= 2.2 * small, "at 250 % it grows with the text: " + small + " → " + large);
    }

    /** Width in pixels of the dark dot drawn at point {@code index}, along its centre row. */
    private double dotWidth(Dataset data, int index) {
        awaitFx("the data drawn", () -> app.view.model().snapshot().config().data() == data
                && !app.view.fitChart().isDirty());
        PlotViewport v = onFx(() -> app.view.fitChart().viewport());
        Color text = onFx(() -> app.view.fitChart().color(ChartCanvas.ChartColor.TEXT));
        WritableImage image = FxTestSupport.snapshotOf(app.view.fitChart());
        FxTestSupport.dump(image, "pointer-dot");
        int cx = (int) Math.round(v.pixelX(data.x()[index]));
        int cy = (int) Math.round(v.pixelY(data.y()[index]));
        int left = cx;
        int right = cx;
        while (left > 0 && FxTestSupport.near(image.getPixelReader().getArgb(left - 1, cy), text, 40)) {
            left--;
        }
        while (right < image.getWidth() - 1 && FxTestSupport.near(image.getPixelReader().getArgb(right + 1, cy), text, 40)) {
            right++;
        }
        return FxTestSupport.near(image.getPixelReader().getArgb(cx, cy), text, 40) ? right - left + 1 : 0;
    }
}
