package org.activationlab.ui.fit;

import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import org.activationlab.ui.chart.PlotViewport;

import java.util.List;
import java.util.Objects;

/**
 * Notes and arrows the teacher pins on the fit chart, kept in data coordinates so they stay on
 * the curve they point at when the window or the text scale changes. Laid over the charts;
 * only the note being typed takes the mouse, the rest lets clicks through to the charts.
 *
 * <p>Press A (or View ▸ Add a note), click on the chart, type, Enter. Shift + drag on the chart
 * draws an arrow. Colours and sizes come from CSS ({@code .annotation-note},
 * {@code .annotation-arrow}).
 */
public final class AnnotationLayer extends Pane {

    /** Something pinned on the chart. */
    public sealed interface Annotation permits Note, Arrow {
    }

    /** A note whose top-left corner is at data point (x, y). */
    public record Note(double x, double y, String text) implements Annotation {
    }

    /** An arrow from one data point to another. */
    public record Arrow(double fromX, double fromY, double toX, double toY) implements Annotation {
    }

    /** Shorter drags are taken for a slip of the hand, not an arrow. */
    private static final double MIN_ARROW_PIXELS = 12;

    private final FitChart chart;
    private final ObservableList<Annotation> annotations = FXCollections.observableArrayList();
    private final TextField editor = new TextField();
    private final AnimationTimer follower;
    private boolean placing;
    private Point2D editAt;
    private Point2D dragFrom;
    private Arrow preview;
    private PlotViewport lastViewport;
    private Bounds lastChartBounds;

    public AnnotationLayer(FitChart chart) {
        this.chart = chart;
        setId("annotation-layer");
        getStyleClass().add("annotation-layer");
        setPickOnBounds(false);
        editor.setId("annotation-editor");
        editor.getStyleClass().add("annotation-editor");
        editor.setPromptText("Note — Enter pins it");
        editor.setPrefColumnCount(16);
        editor.setOnAction(e -> commitNote());
        editor.focusedProperty().addListener((obs, was, now) -> {
            if (!now && editAt != null) {
                commitNote();
            }
        });
        annotations.addListener((javafx.collections.ListChangeListener<Annotation>) c -> rebuild());
        chart.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        chart.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        chart.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        // The chart's mapping changes with its size, position and font size; following it once
        // per frame (only while something is pinned) keeps every annotation on its data point.
        follower = new AnimationTimer() {
            @Override
            public void handle(long now) {
                followChart();
            }
        };
    }

    public ObservableList<Annotation> annotations() {
        return annotations;
    }

    /** Waits for a click on the chart that opens the note editor there. */
    public void startNote() {
        cancelNote();
        placing = true;
        chart.setCursor(Cursor.CROSSHAIR);
    }

    /** Whether a note is being placed or typed (Esc cancels it then). */
    public boolean isEditing() {
        return placing || editAt != null;
    }

    /** Stops placing or typing a note; nothing is pinned. */
    public void cancelNote() {
        placing = false;
        chart.setCursor(null);
        editAt = null;
        rebuild();
    }

    public void clear() {
        cancelNote();
        dragFrom = null;
        preview = null;
        annotations.clear();
    }

    /** Opens the editor at data point (x, y), as a click there in placing mode does. */
    void openEditor(double x, double y) {
        placing = false;
        chart.setCursor(null);
        editAt = new Point2D(x, y);
        editor.clear();
        rebuild();
        editor.requestFocus();
    }

    private void commitNote() {
        Point2D at = editAt;
        String text = editor.getText().strip();
        editAt = null;
        if (at != null && !text.isEmpty()) {
            annotations.add(new Note(at.getX(), at.getY(), text));
        } else {
            rebuild();
        }
        chart.requestFocus();
    }

    private boolean insidePlot(MouseEvent e) {
        PlotViewport v = chart.viewport();
        return v != null && e.getX() >= v.left() && e.getX() <= v.right()
                && e.getY() >= v.top() && e.getY() <= v.bottom();
    }

    private void onPressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !insidePlot(e)) {
            return;
        }
        PlotViewport v = chart.viewport();
        if (placing) {
            openEditor(v.dataX(e.getX()), v.dataY(e.getY()));
            e.consume();
        } else if (e.isShiftDown()) {
            dragFrom = new Point2D(v.dataX(e.getX()), v.dataY(e.getY()));
            e.consume();
        }
    }

    private void onDragged(MouseEvent e) {
        if (dragFrom == null) {
            return;
        }
        PlotViewport v = chart.viewport();
        preview = new Arrow(dragFrom.getX(), dragFrom.getY(), v.dataX(e.getX()), v.dataY(e.getY()));
        rebuild();
        e.consume();
    }

    private void onReleased(MouseEvent e) {
        if (dragFrom == null) {
            return;
        }
        PlotViewport v = chart.viewport();
        Arrow arrow = new Arrow(dragFrom.getX(), dragFrom.getY(), v.dataX(e.getX()), v.dataY(e.getY()));
        dragFrom = null;
        preview = null;
        double length = Math.hypot(v.pixelX(arrow.toX()) - v.pixelX(arrow.fromX()),
                v.pixelY(arrow.toY()) - v.pixelY(arrow.fromY()));
        if (length >= MIN_ARROW_PIXELS) {
            annotations.add(arrow);
        } else {
            rebuild();
        }
        e.consume();
    }

    /** Recreates the nodes; their positions are set in {@link #layoutChildren()}. */
    private void rebuild() {
        getChildren().clear();
        for (Annotation a : annotations) {
            getChildren().add(nodeFor(a));
        }
        if (preview != null) {
            getChildren().add(nodeFor(preview));
        }
        if (editAt != null) {
            getChildren().add(editor);
        }
        boolean follow = !getChildren().isEmpty();
        if (follow) {
            follower.start();
        } else {
            follower.stop();
        }
        requestLayout();
    }

    private static Node nodeFor(Annotation a) {
        if (a instanceof Note n) {
            Label label = new Label(n.text());
            label.getStyleClass().add("annotation-note");
            label.setUserData(a);
            label.setMouseTransparent(true);
            return label;
        }
        Line line = new Line();
        line.getStyleClass().add("annotation-arrow");
        Polygon head = new Polygon();
        head.getStyleClass().add("annotation-arrow-head");
        Pane arrow = new Pane(line, head);
        arrow.setUserData(a);
        arrow.setMouseTransparent(true);
        arrow.setManaged(false);
        return arrow;
    }

    private void followChart() {
        Bounds bounds = chart.getScene() == null ? null : chart.localToScene(chart.getLayoutBounds());
        if (!Objects.equals(chart.viewport(), lastViewport) || !Objects.equals(bounds, lastChartBounds)) {
            requestLayout();
        }
    }

    @Override
    protected void layoutChildren() {
        PlotViewport v = chart.viewport();
        lastViewport = v;
        lastChartBounds = chart.getScene() == null ? null : chart.localToScene(chart.getLayoutBounds());
        boolean shown = v != null && chart.getScene() == getScene() && chart.isVisible();
        for (Node n : getChildren()) {
            n.setVisible(shown);
        }
        if (!shown) {
            return;
        }
        for (Node n : getChildren()) {
            if (n == editor) {
                place(editor, toLocal(v, editAt.getX(), editAt.getY()));
            } else if (n.getUserData() instanceof Note note) {
                place(n, toLocal(v, note.x(), note.y()));
            } else if (n.getUserData() instanceof Arrow arrow && n instanceof Pane p) {
                layoutArrow(p, toLocal(v, arrow.fromX(), arrow.fromY()), toLocal(v, arrow.toX(), arrow.toY()));
            }
        }
    }

    private Point2D toLocal(PlotViewport v, double x, double y) {
        return sceneToLocal(chart.localToScene(v.pixelX(x), v.pixelY(y)));
    }

    private static void place(Node n, Point2D at) {
        n.autosize();
        n.relocate(Math.round(at.getX()), Math.round(at.getY()));
    }

    private static void layoutArrow(Pane arrow, Point2D from, Point2D to) {
        arrow.resizeRelocate(0, 0, 0, 0);
        Line line = (Line) arrow.getChildren().get(0);
        Polygon head = (Polygon) arrow.getChildren().get(1);
        double width = Math.max(1, line.getStrokeWidth());
        double headLength = width * 4;
        double angle = Math.atan2(to.getY() - from.getY(), to.getX() - from.getX());
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        // The shaft stops where the head begins, so the round cap never pokes through the tip.
        line.setStartX(from.getX());
        line.setStartY(from.getY());
        line.setEndX(to.getX() - cos * headLength * 0.8);
        line.setEndY(to.getY() - sin * headLength * 0.8);
        double baseX = to.getX() - cos * headLength;
        double baseY = to.getY() - sin * headLength;
        double half = headLength * 0.55;
        head.getPoints().setAll(List.of(to.getX(), to.getY(),
                baseX - sin * half, baseY + cos * half,
                baseX + sin * half, baseY - cos * half));
    }
}
