package org.activationlab.ui.fit;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.activationlab.ui.MemoryPreferences;
import org.activationlab.ui.chart.PlotViewport;
import org.activationlab.ui.classroom.ClassroomFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.activationlab.ui.classroom.ClassroomFixture.awaitFx;
import static org.activationlab.ui.classroom.ClassroomFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notes and arrows pinned on the fit chart in data coordinates, cleared on reset; undo removes them. */
@ExtendWith(ApplicationExtension.class)
class AnnotationLayerTest {

    private ClassroomFixture app;

    @Start
    void start(Stage stage) {
        app = ClassroomFixture.show(stage, new MemoryPreferences());
    }

    @AfterEach
    void close() {
        app.close();
    }

    /** One pixel of the fit chart in data units, in x and in y. */
    private double[] pixelSize() {
        return onFx(() -> {
            PlotViewport v = app.view.fitChart().viewport();
            return new double[]{(v.maxX() - v.minX()) / v.width(), (v.maxY() - v.minY()) / v.height()};
        });
    }

    private List<AnnotationLayer.Annotation> annotations() {
        return onFx(() -> List.copyOf(app.view.pointer().annotations().annotations()));
    }

    private void placeNote(FxRobot robot, double x, double y, String text) {
        robot.type(KeyCode.A);
        awaitFx("placing mode", () -> app.view.pointer().isPlacingNote());
        robot.clickOn(app.fitScreenPoint(x, y));
        awaitFx("the note editor", () -> app.view.getScene().getFocusOwner() != null
                && "annotation-editor".equals(app.view.getScene().getFocusOwner().getId()));
        robot.write(text);
        robot.type(KeyCode.ENTER);
        awaitFx("the note", () -> !app.view.pointer().annotations().annotations().isEmpty());
    }

    @Test
    void aThenClickThenTypingPinsANoteWhereClickedAndResetClearsIt(FxRobot robot) {
        app.awaitChartsDrawn();
        placeNote(robot, 1.0, 0.5, "kink here");

        List<AnnotationLayer.Annotation> pinned = annotations();
        assertEquals(1, pinned.size());
        AnnotationLayer.Note note = assertInstanceOf(AnnotationLayer.Note.class, pinned.get(0));
        assertEquals("kink here", note.text());
        double[] pixel = pixelSize();
        assertEquals(1.0, note.x(), 1.5 * pixel[0]);
        assertEquals(0.5, note.y(), 1.5 * pixel[1]);
        assertFalse(onFx(() -> app.view.pointer().annotations().isEditing()));

        // Keys work again once the note is pinned: R resets, which clears the annotations.
        robot.type(KeyCode.R);
        awaitFx("annotations cleared on reset", () -> app.view.pointer().annotations().annotations().isEmpty());
    }

    @Test
    void escCancelsANoteAndAnEmptyNoteIsNotPinned(FxRobot robot) {
        app.awaitChartsDrawn();
        robot.type(KeyCode.A);
        robot.type(KeyCode.ESCAPE);
        assertFalse(onFx(() -> app.view.pointer().isPlacingNote()));
        assertEquals(PointerTool.POINT, onFx(() -> app.view.pointer().tool()), "Esc brings the Point tool back");
        robot.type(KeyCode.A);
        robot.clickOn(app.fitScreenPoint(0, 0));
        awaitFx("the note editor", () -> app.view.lookup("#annotation-editor") != null);
        robot.type(KeyCode.ENTER);
        awaitFx("the editor to close", () -> !app.view.pointer().annotations().isEditing());
        assertTrue(annotations().isEmpty());
    }

    @Test
    void aNoteStaysOnItsDataPointWhenTheTextScaleMovesTheAxes(FxRobot robot) {
        app.awaitChartsDrawn();
        placeNote(robot, -2.0, -0.5, "here");
        onFx(() -> app.classroom.appearance().setScalePercent(200));
        // The plot's margins grow with the font, so the same data point moves on the screen.
        awaitFx("the note to follow the chart", () -> {
            Node label = app.view.lookup(".annotation-note");
            PlotViewport v = app.view.fitChart().viewport();
            Point2D expected = app.view.fitChart().localToScene(v.pixelX(-2.0), v.pixelY(-0.5));
            Point2D actual = label.localToScene(0, 0);
            return Math.abs(v.left() - 14 * 2 * 4.2) < 1 && expected.distance(actual) < 2.5;
        });
        assertEquals("here", onFx(() -> ((Label) app.view.lookup(".annotation-note")).getText()));
    }

    @Test
    void shiftDragDrawsAnArrowAndDeleteClearsEverything(FxRobot robot) {
        app.awaitChartsDrawn();
        Point2D from = app.fitScreenPoint(-4.0, -1.0);
        Point2D to = app.fitScreenPoint(-1.0, 0.5);
        robot.press(KeyCode.SHIFT);
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        robot.release(KeyCode.SHIFT);
        awaitFx("the arrow", () -> !app.view.pointer().annotations().annotations().isEmpty());

        AnnotationLayer.Arrow arrow = assertInstanceOf(AnnotationLayer.Arrow.class, annotations().get(0));
        double[] pixel = pixelSize();
        assertEquals(-4.0, arrow.fromX(), 1.5 * pixel[0]);
        assertEquals(-1.0, arrow.fromY(), 1.5 * pixel[1]);
        assertEquals(-1.0, arrow.toX(), 1.5 * pixel[0]);
        assertEquals(0.5, arrow.toY(), 1.5 * pixel[1]);
        double width = onFx(() -> ((Line) app.view.lookup(".annotation-arrow")).getStrokeWidth());
        onFx(() -> app.classroom.appearance().setScalePercent(200));
        awaitFx("a thicker arrow at 200 %", () ->
                Math.abs(((Line) app.view.lookup(".annotation-arrow")).getStrokeWidth() - 2 * width) < 0.1);

        robot.type(KeyCode.DELETE);
        awaitFx("cleared", () -> app.view.pointer().annotations().annotations().isEmpty());
    }

    @Test
    void aPlainDragWithoutShiftDrawsNothing(FxRobot robot) {
        app.awaitChartsDrawn();
        robot.drag(app.fitScreenPoint(-4.0, -1.0), MouseButton.PRIMARY).moveTo(app.fitScreenPoint(-1.0, 0.5))
                .release(MouseButton.PRIMARY);
        assertTrue(annotations().isEmpty());
    }

    @Test
    void aRestartAtEpochZeroClearsTheNotes(FxRobot robot) {
        app.awaitChartsDrawn();
        placeNote(robot, 0.0, 0.0, "start");
        robot.type(KeyCode.RIGHT);
        awaitFx("epoch 1", () -> app.view.model().snapshot().epoch() == 1);
        assertEquals(1, annotations().size(), "training on keeps the notes");
        onFx(() -> app.view.model().setSeed(7));
        awaitFx("cleared when a new seed restarts at epoch 0",
                () -> app.view.pointer().annotations().annotations().isEmpty());
    }
}
