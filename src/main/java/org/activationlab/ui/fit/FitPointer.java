package org.activationlab.ui.fit;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import org.activationlab.engine.Dataset;
import org.activationlab.ui.DataEdits;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.MainView;
import org.activationlab.ui.MenuAction;
import org.activationlab.ui.Shortcuts;
import org.activationlab.ui.chart.PlotViewport;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one owner of the fit chart's mouse. A tool is selected, as in a drawing app's toolbar:
 * <ul>
 *   <li>{@link PointerTool#POINT} (the default): clicks change nothing; hovering shows x and the
 *       value of the true function and of each network there;</li>
 *   <li>{@link PointerTool#EDIT_DATA}: a click adds a training point, a click on a point (or a
 *       right click near one) removes it; every point is drawn while the tool is on;</li>
 *   <li>{@link PointerTool#NOTE}: the next click opens a note there; then the tool before
 *       comes back.</li>
 * </ul>
 * Shift + drag draws an arrow with any tool. Keys: P, D (Edit data on / off), A; the tool row
 * in the control bar shows and picks the tool. Data edits and notes go into the undo history.
 */
public final class FitPointer {

    static final String POINT_KEYS = "Point tool: hover reads values, clicks change nothing";
    static final String EDIT_KEYS = "Edit data tool on / off: click adds a point, click on a point removes it";
    static final String NOTE_KEYS = "Pin a note: press, then click on the fit chart";
    static final String CANCEL_NOTE = "Cancel the note";
    static final String CLEAR = "Clear notes and arrows";

    static final KeyCombination POINT_KEY = new KeyCodeCombination(KeyCode.P);
    static final KeyCombination EDIT_KEY = new KeyCodeCombination(KeyCode.D);
    static final KeyCombination NOTE_KEY = new KeyCodeCombination(KeyCode.A);
    static final KeyCombination CLEAR_KEY = new KeyCodeCombination(KeyCode.DELETE);

    private final FitChart chart;
    private final LabModel model;
    private final AnnotationLayer annotations;
    private final ObjectProperty<PointerTool> tool = new SimpleObjectProperty<>(this, "tool", PointerTool.POINT);
    /** The tool to come back to after a note is placed. */
    private PointerTool beforeNote = PointerTool.POINT;
    /** Points clicked in, by {@link FitChart#pointKey}: drawn large while they are in the data. */
    private final Set<Long> handAdded = new HashSet<>();
    /** The data {@link #showHandAdded} last looked at. */
    private Dataset marksFor;
    private AnnotationLayer.Arrow arrowFrom;
    /** The press placed a note or began an arrow: its click is not also a data edit. */
    private boolean pressTaken;
    private final HBox toolRow;
    private final List<MenuAction> actions;

    public FitPointer(MainView view) {
        this.chart = view.fitChart();
        this.model = view.model();
        annotations = new AnnotationLayer(chart, model.history());
        view.addOverlay(annotations);
        chart.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMoved);
        chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> clearHover());
        chart.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        chart.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        chart.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        chart.addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClicked);
        tool.addListener((obs, old, now) -> toolChanged(now));
        clearNotesOnRestart();
        // Undo, redo and the trainer's snapshots change the data: its points clicked in follow.
        model.history().versionProperty().addListener((obs, old, now) -> showHandAdded());
        model.snapshotProperty().addListener((obs, old, now) -> showHandAdded());

        toolRow = buildToolRow();
        view.addControls(toolRow);
        actions = List.of(
                toolAction("menu-tool-point", PointerTool.POINT, POINT_KEY),
                toolAction("menu-tool-edit-data", PointerTool.EDIT_DATA, EDIT_KEY),
                toolAction("menu-tool-note", PointerTool.NOTE, NOTE_KEY),
                MenuAction.of("menu-clear-notes", CLEAR, List.of(CLEAR_KEY), annotations::clearAll));
        Shortcuts keys = view.shortcuts();
        keys.add(POINT_KEY, POINT_KEYS, () -> setTool(PointerTool.POINT));
        keys.add(EDIT_KEY, EDIT_KEYS, this::toggleEditData);
        keys.add(NOTE_KEY, NOTE_KEYS, () -> setTool(PointerTool.NOTE));
        // Esc acts only while a note is being placed or typed; otherwise it goes on.
        keys.add(new KeyCodeCombination(KeyCode.ESCAPE), CANCEL_NOTE, this::isPlacingNote, this::cancelNote);
        keys.add(CLEAR_KEY, CLEAR, annotations::clearAll);
    }

    public ObjectProperty<PointerTool> toolProperty() {
        return tool;
    }

    public PointerTool tool() {
        return tool.get();
    }

    public void setTool(PointerTool next) {
        if (next == PointerTool.NOTE && tool.get() != PointerTool.NOTE) {
            beforeNote = tool.get();
        }
        annotations.cancelNote();
        tool.set(next);
    }

    /** D: Edit data on, or back to Point. */
    public void toggleEditData() {
        setTool(tool.get() == PointerTool.EDIT_DATA ? PointerTool.POINT : PointerTool.EDIT_DATA);
    }

    public AnnotationLayer annotations() {
        return annotations;
    }

    /**
     * The pointer's actions for the shell to place in a menu (Experiment): the three tools (P, D,
     * A) and clearing the notes (Delete). Their keys are registered already.
     */
    public List<MenuAction> actions() {
        return actions;
    }

    /** The row of tool buttons ("Point", "Edit data", "Note") shown in the control bar. */
    public Node toolRow() {
        return toolRow;
    }

    /** Whether a note is waiting for its click or being typed. */
    public boolean isPlacingNote() {
        return tool.get() == PointerTool.NOTE || annotations.isEditing();
    }

    /** Esc: no note; the tool before comes back. */
    public void cancelNote() {
        annotations.cancelNote();
        if (tool.get() == PointerTool.NOTE) {
            tool.set(beforeNote);
        }
    }

    private MenuAction toolAction(String id, PointerTool t, KeyCombination key) {
        return new MenuAction(id, Bindings.createStringBinding(() -> t.displayName() + " tool"), List.of(key),
                () -> setTool(t), Bindings.createBooleanBinding(() -> true),
                Bindings.createBooleanBinding(() -> tool.get() == t, tool));
    }

    private HBox buildToolRow() {
        ToggleGroup group = new ToggleGroup();
        Label label = new Label("mouse:");
        HBox row = new HBox(label);
        row.setId("pointer-tools");
        row.getStyleClass().addAll("control-group", "pointer-tools");
        KeyCombination[] keys = {POINT_KEY, EDIT_KEY, NOTE_KEY};
        for (PointerTool t : PointerTool.values()) {
            ToggleButton button = new ToggleButton(t.displayName());
            button.setId("tool-" + t.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            button.getStyleClass().add("pointer-tool");
            button.setUserData(t);
            button.setToggleGroup(group);
            // The keys stay with the charts: a click here must not leave the focus on a button.
            button.setFocusTraversable(false);
            button.setTooltip(new Tooltip(t.description() + " (" + keys[t.ordinal()].getDisplayText() + ")"));
            button.setSelected(t == tool.get());
            row.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                // A click on the selected tool keeps it selected: exactly one tool at all times.
                group.selectToggle(old);
            } else if (now.getUserData() != tool.get()) {
                setTool((PointerTool) now.getUserData());
            }
        });
        tool.addListener((obs, old, now) -> {
            for (Toggle toggle : group.getToggles()) {
                if (toggle.getUserData() == now) {
                    group.selectToggle(toggle);
                }
            }
        });
        return row;
    }

    private void toolChanged(PointerTool now) {
        clearHover();
        chart.setShowAllPoints(now == PointerTool.EDIT_DATA);
        chart.setCursor(switch (now) {
            case POINT -> null;
            case EDIT_DATA -> Cursor.CROSSHAIR;
            case NOTE -> Cursor.TEXT;
        });
    }

    /** Notes point at curves that a reset or a restart (new seed, new data) replaces. */
    private void clearNotesOnRestart() {
        model.addResetListener(annotations::clear);
        model.snapshotProperty().addListener((obs, old, now) -> {
            if (old != null && now != null && old.epoch() > 0 && now.epoch() == 0) {
                annotations.clear();
            }
        });
    }

    private boolean insidePlot(MouseEvent e) {
        PlotViewport v = chart.viewport();
        return v != null && e.getX() >= v.left() && e.getX() <= v.right()
                && e.getY() >= v.top() && e.getY() <= v.bottom();
    }

    private void clearHover() {
        chart.setProbe(Double.NaN);
        chart.clearRemovable();
    }

    private void onMoved(MouseEvent e) {
        hover(e);
    }

    private void hover(MouseEvent e) {
        PlotViewport v = chart.viewport();
        if (!insidePlot(e)) {
            clearHover();
            return;
        }
        switch (tool.get()) {
            case POINT -> chart.setProbe(v.dataX(e.getX()));
            case EDIT_DATA -> ringPointUnder(v, e.getX(), e.getY());
            case NOTE -> clearHover();
        }
    }

    private void ringPointUnder(PlotViewport v, double px, double py) {
        Dataset data = model.config().data();
        int under = DataEdits.nearestPoint(data, v, px, py, chart.pointHitRadius());
        if (under < 0) {
            chart.clearRemovable();
        } else {
            chart.setRemovable(data.x()[under], data.y()[under]);
        }
    }

    private int pointUnder(PlotViewport v, double px, double py) {
        return DataEdits.nearestPoint(model.config().data(), v, px, py, chart.pointHitRadius());
    }

    private void onPressed(MouseEvent e) {
        pressTaken = false;
        if (e.getButton() != MouseButton.PRIMARY || !insidePlot(e)) {
            return;
        }
        PlotViewport v = chart.viewport();
        double x = v.dataX(e.getX());
        double y = v.dataY(e.getY());
        if (e.isShiftDown()) {
            arrowFrom = new AnnotationLayer.Arrow(x, y, x, y);
            pressTaken = true;
            e.consume();
        } else if (tool.get() == PointerTool.NOTE) {
            tool.set(beforeNote);
            annotations.openEditor(x, y);
            pressTaken = true;
            e.consume();
        }
    }

    private void onDragged(MouseEvent e) {
        if (arrowFrom == null) {
            hover(e);
            return;
        }
        PlotViewport v = chart.viewport();
        annotations.previewArrow(new AnnotationLayer.Arrow(arrowFrom.fromX(), arrowFrom.fromY(),
                v.dataX(e.getX()), v.dataY(e.getY())));
        e.consume();
    }

    private void onReleased(MouseEvent e) {
        if (arrowFrom == null) {
            return;
        }
        PlotViewport v = chart.viewport();
        AnnotationLayer.Arrow arrow = new AnnotationLayer.Arrow(arrowFrom.fromX(), arrowFrom.fromY(),
                v.dataX(e.getX()), v.dataY(e.getY()));
        arrowFrom = null;
        annotations.pinArrow(arrow, v);
        e.consume();
    }

    /** Only the Edit data tool changes the data, and only with a click that did not move. */
    private void onClicked(MouseEvent e) {
        PlotViewport v = chart.viewport();
        if (tool.get() != PointerTool.EDIT_DATA || v == null || !e.isStillSincePress() || e.isShiftDown()
                || pressTaken || !insidePlot(e)) {
            return;
        }
        int under = pointUnder(v, e.getX(), e.getY());
        if (e.getButton() == MouseButton.PRIMARY && under < 0) {
            addPoint(v.dataX(e.getX()), v.dataY(e.getY()));
        } else if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.SECONDARY) {
            model.removePointNear(v, e.getX(), e.getY(), chart.pointHitRadius());
        }
        chart.clearRemovable();
        showHandAdded();
        e.consume();
    }

    /** Adds the point (x, y) to the training data and draws it large. */
    public void addPoint(double x, double y) {
        Dataset data = model.addPoint(x, y);
        int last = data.size() - 1;
        handAdded.add(FitChart.pointKey(data.x()[last], data.y()[last]));
        showHandAdded();
    }

    /**
     * Draws large the points clicked in that the data has now: the data as the trainer will
     * have it after the edits sent (so a click shows at once), after undo and redo too.
     */
    private void showHandAdded() {
        Dataset data = model.config().data();
        if (data == marksFor || handAdded.isEmpty()) {
            return;
        }
        marksFor = data;
        float[] xy = new float[2 * Math.min(handAdded.size(), data.size())];
        int n = 0;
        for (int i = 0; i < data.size() && n < xy.length; i++) {
            if (handAdded.contains(FitChart.pointKey(data.x()[i], data.y()[i]))) {
                xy[n++] = data.x()[i];
                xy[n++] = data.y()[i];
            }
        }
        chart.setHandAddedPoints(java.util.Arrays.copyOf(xy, n));
    }
}
