package org.activationlab.ui.fit;

import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import org.activationlab.ui.chart.PlotViewport;
import org.activationlab.ui.UndoHistory;

import java.util.List;
import java.util.Objects;

/**
 * Notes and arrows the teacher pins on the fit chart, kept in data coordinates so they stay on
 * the curve they point at when the window or the text scale changes. Laid over the charts;
 * only the note being typed takes the mouse, the rest lets clicks through to the charts. The
 * chart's mouse belongs to {@link FitPointer}, which calls {@link #openEditor} (Note tool) and
 * {@link #previewArrow} / {@link #pinArrow} (Shift + drag). Pinning and clearing are recorded
 * in the undo history. Colours and sizes come from CSS ({@code .annotation-note},
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
    static final double MIN_ARROW_PIXELS = 12;

    private final FitChart chart;
    private final UndoHistory history;
    private final ObservableList<Annotation> annotations = FXCollections.observableArrayList();
    private final TextField editor = new TextField();
    private final AnimationTimer follower;
    private Point2D editAt;
    private Arrow preview;
    private PlotViewport lastViewport;
    private Bounds lastChartBounds;

    public AnnotationLayer(FitChart chart, UndoHistory history) {
        this.chart = chart;
        this.history = history;
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

    /** Whether a note is being typed (Esc cancels it then). */
    public boolean isEditing() {
        return editAt != null;
    }

    /** Stops typing a note; nothing is pinned. */
    public void cancelNote() {
        editAt = null;
        rebuild();
    }

    /**
     * Removes every note and arrow, as an edit that undo reverts (Delete, the menu); nothing to
     * undo if there was nothing pinned.
     */
    public void clearAll() {
        cancelNote();
        List<Annotation> before = List.copyOf(annotations);
        preview = null;
        annotations.clear();
        if (!before.isEmpty()) {
            history.record(new UndoHistory.Edit() {
                @Override
                public String name() {
                    return "clear notes";
                }

                @Override
                public void undo() {
                    annotations.setAll(before);
                }

                @Override
                public void redo() {
                    annotations.clear();
                }
            });
        }
    }

    /** Forgets every note and arrow without an undo step: the curves they pointed at are gone. */
    public void clear() {
        cancelNote();
        preview = null;
        annotations.clear();
    }

    /** Opens the editor at data point (x, y), where the Note tool was clicked. */
    public void openEditor(double x, double y) {
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
            pin(new Note(at.getX(), at.getY(), text));
        } else {
            rebuild();
        }
        chart.requestFocus();
    }

    /** Pins {@code annotation}, as an edit that undo reverts. */
    public void pin(Annotation annotation) {
        annotations.add(annotation);
        history.record(new UndoHistory.Edit() {
            @Override
            public String name() {
                return annotation instanceof Note ? "note" : "arrow";
            }

            @Override
            public void undo() {
                annotations.remove(annotation);
            }

            @Override
            public void redo() {
                if (!annotations.contains(annotation)) {
                    annotations.add(annotation);
                }
            }
        });
    }

    /** Shows {@code arrow} while it is being dragged (null: none). */
    public void previewArrow(Arrow arrow) {
        preview = arrow;
        rebuild();
    }

    /**
     * Pins the dragged {@code arrow} unless it is shorter than a slip of the hand under
     * {@code v}; the preview goes either way.
     */
    public void pinArrow(Arrow arrow, PlotViewport v) {
        preview = null;
        double length = Math.hypot(v.pixelX(arrow.toX()) - v.pixelX(arrow.fromX()),
                v.pixelY(arrow.toY()) - v.pixelY(arrow.fromY()));
        if (length >= MIN_ARROW_PIXELS) {
            pin(arrow);
        } else {
            rebuild();
        }
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
