package org.activationlab.ui.fit;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import org.activationlab.training.PredictionTimeline;
import org.activationlab.training.Snapshot;
import org.activationlab.training.SwitchEvent;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.MainView;
import org.activationlab.ui.Shortcuts;
import org.activationlab.ui.chart.ChartCanvas;

import java.util.List;

/**
 * The strip under the fit chart that goes back through a paused run: a track from epoch 0 to the
 * newest epoch with a tick at every activation switch, a thumb at the epoch shown, the epoch's
 * label and a Live button. While training it is disabled (Pause to go back); going back never
 * changes the run. At epoch 0 (nothing to go back to) it is hidden and takes no room. Keys while paused: ← one kept epoch back (from live: the newest but one), →
 * one forward (past the newest: live), Home the first, End or Esc live. Training again (Space,
 * Play, Step) returns to live ({@link LabModel#viewEpoch}).
 *
 * <p>A frame costs nothing while training (the strip is drawn when paused, or once when training
 * starts), and when paused a redraw walks the switches once (merged per pixel), never the
 * timeline.
 */
public final class TimelineScrubber extends HBox {

    public static final String LIVE_TEXT = "Live";
    private final LabModel model;
    private final Label epochLabel = new Label();
    private final Button live = new Button(LIVE_TEXT);
    private final Strip strip = new Strip();

    public TimelineScrubber(MainView view) {
        this.model = view.model();
        setId("timeline");
        getStyleClass().add("timeline-bar");
        epochLabel.setId("timeline-epoch");
        epochLabel.getStyleClass().add("timeline-epoch");
        live.setId("timeline-live");
        live.getStyleClass().add("timeline-live");
        live.setTooltip(new Tooltip("Back to the run as it is now (End, Esc)"));
        live.setOnAction(e -> {
            model.viewLive();
            view.requestFocus(); // the keys go back to the window
        });
        live.setFocusTraversable(false);
        Tooltip.install(strip, new Tooltip("The run's epochs: click or drag while paused to go back"
                + " (← → step, Home first, End/Esc live); ticks mark activation switches"));
        strip.setId("timeline-strip");
        HBox.setHgrow(strip, Priority.ALWAYS);
        strip.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(epochLabel, strip, live);
        strip.addEventHandler(MouseEvent.MOUSE_PRESSED, this::grab);
        strip.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::grab);
        model.snapshotProperty().addListener((obs, old, now) -> update());
        model.viewedEpochProperty().addListener((obs, old, now) -> update());
        view.registerChart(strip);
        installKeys(view.shortcuts());
        update();
    }

    private void installKeys(Shortcuts keys) {
        keys.add(new KeyCodeCombination(KeyCode.LEFT), "Timeline: one epoch back (paused)",
                model::canViewEpochs, () -> stepBy(-1));
        keys.add(new KeyCodeCombination(KeyCode.RIGHT), "Timeline: one epoch forward, past the newest live",
                this::isViewing, () -> stepBy(1));
        keys.add(new KeyCodeCombination(KeyCode.HOME), "Timeline: first epoch (paused)",
                model::canViewEpochs, this::first);
        keys.add(new KeyCodeCombination(KeyCode.END), "Timeline: back to live",
                this::isViewing, model::viewLive);
        keys.add(new KeyCodeCombination(KeyCode.ESCAPE), "Timeline: back to live",
                this::isViewing, model::viewLive);
    }

    /** Whether the window shows an earlier epoch now. */
    public boolean isViewing() {
        return !model.isLive();
    }

    private void first() {
        model.viewEpoch(0);
    }

    /**
     * One kept epoch back or forward. From live, back goes to the newest kept epoch unless that
     * is what live shows already (then to the one before); forward from the newest goes live.
     */
    void stepBy(int delta) {
        Snapshot s = model.snapshot();
        PredictionTimeline t = s.timeline();
        int index;
        if (model.isLive()) {
            if (delta > 0) {
                return;
            }
            index = t.size() - 1;
            if (newestIsLive(s)) {
                index--;
            }
        } else {
            index = t.indexOf(model.viewedEpoch()) + delta;
            if (index >= t.size()) {
                model.viewLive();
                return;
            }
        }
        model.viewEpoch(t.epochAt(Math.max(0, index)));
    }

    /** Whether the newest kept entry is exactly the live models' predictions (no switch since). */
    private static boolean newestIsLive(Snapshot s) {
        PredictionTimeline t = s.timeline();
        int newest = t.size() - 1;
        for (int m = 0; m < t.modelCount(); m++) {
            if (t.predictions(newest, m) != s.models().get(m).gridPredictions()) {
                return false;
            }
        }
        return true;
    }

    private void grab(MouseEvent e) {
        if (isDisabled() || !model.canViewEpochs()) {
            return;
        }
        int epoch = strip.epochAt(e.getX());
        if (epoch >= 0) {
            model.viewEpoch(epoch);
        }
        e.consume();
    }

    private void update() {
        Snapshot s = model.snapshot();
        boolean can = model.canViewEpochs();
        setDisable(!can && model.isLive());
        live.setDisable(model.isLive());
        pseudoClassStateChanged(VIEWING, !model.isLive());
        if (s == null) {
            return;
        }
        // Until the run has an epoch to go back to (epoch 0, a new lesson) the strip takes no
        // room: at large text the fit chart and a lesson's text need every line.
        boolean history = s.timeline().size() > 1 || !model.isLive();
        if (history != isManaged()) {
            setManaged(history);
            setVisible(history);
        }
        int newest = s.epoch();
        if (!model.isLive()) {
            epochLabel.setText("Epoch " + model.viewedEpoch() + " / " + newest);
        } else if (s.playing()) {
            epochLabel.setText("Live · training");
        } else {
            epochLabel.setText(can ? "Live · ← back" : "Live");
        }
        strip.show(s, model.viewedEpoch(), can || !model.isLive());
    }

    private static final javafx.css.PseudoClass VIEWING = javafx.css.PseudoClass.getPseudoClass("viewing");

    /** The epoch label's text now (for tests). */
    public String epochText() {
        return epochLabel.getText();
    }

    /** The strip's pixel x of epoch {@code epoch} at the last draw (for tests), NaN before it. */
    public double pixelOf(int epoch) {
        return strip.pixelOf(epoch);
    }

    /** Switch ticks the last draw showed (merged ticks count once). */
    public int switchTicksDrawn() {
        return strip.ticks;
    }

    /** The track with its switch ticks and the thumb; drawn only when something it shows changed. */
    static final class Strip extends ChartCanvas {
        private Snapshot snapshot;
        private int viewed = LabModel.LIVE;
        private boolean active;
        private int ticks;
        private double left = Double.NaN;
        private double right = Double.NaN;
        private int newest;
        /** The newest epoch when last marked for drawing. */
        private int drawnFor;

        Strip() {
            getStyleClass().add("timeline-strip");
            fontSizeProperty().addListener((obs, old, now) -> requestLayout());
        }

        @Override
        protected double computePrefHeight(double width) {
            return Math.ceil(fontSize() * 1.9);
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected double computePrefWidth(double height) {
            return fontSize() * 12;
        }

        @Override
        protected double computeMinWidth(double height) {
            return fontSize() * 4;
        }

        void show(Snapshot s, int viewedEpoch, boolean isActive) {
            // While training the strip shows the track and the ticks only: redrawn when a switch
            // comes or the run has grown by 2 % (the ticks move left), not every frame.
            boolean same = snapshot != null && !isActive && !active
                    && snapshot.switches().size() == s.switches().size()
                    && s.epoch() <= drawnFor + drawnFor / 50;
            snapshot = s;
            viewed = viewedEpoch;
            active = isActive;
            if (!same) {
                drawnFor = s.epoch();
                markDirty();
            }
        }

        double pixelOf(int epoch) {
            if (Double.isNaN(left) || newest <= 0) {
                return Double.NaN;
            }
            return left + (right - left) * Math.min(1, Math.max(0, (double) epoch / newest));
        }

        int epochAt(double x) {
            if (Double.isNaN(left) || newest <= 0) {
                return -1;
            }
            double t = (x - left) / (right - left);
            return (int) Math.round(Math.max(0, Math.min(1, t)) * newest);
        }

        @Override
        protected void draw(GraphicsContext g, double width, double height) {
            if (snapshot == null) {
                return;
            }
            double fs = fontSize();
            left = fs * 0.8;
            right = width - fs * 0.8;
            newest = Math.max(snapshot.epoch(), snapshot.timeline().newestEpoch());
            double mid = height / 2;
            double alpha = active ? 1 : 0.35;
            g.setStroke(withAlpha(color(ChartColor.AXIS), alpha));
            g.setLineWidth(Math.max(2, fs * 0.22));
            g.strokeLine(left, mid, right, mid);
            // A tick at every switch, merged when closer than 3 px (a long run of switches).
            g.setStroke(withAlpha(color(ChartColor.MARKER), alpha));
            g.setLineWidth(Math.max(2, fs * 0.16));
            ticks = 0;
            double last = Double.NaN;
            List<SwitchEvent> switches = snapshot.switches();
            if (newest > 0) {
                // One path, stroked once: one rasterising pass for hundreds of ticks.
                g.beginPath();
                for (SwitchEvent e : switches) {
                    double px = Math.round(pixelOf(e.epoch())) + 0.5;
                    if (!(Math.abs(px - last) < 3)) {
                        g.moveTo(px, mid - fs * 0.7);
                        g.lineTo(px, mid + fs * 0.7);
                        last = px;
                        ticks++;
                    }
                }
                g.stroke();
            }
            if (!active) {
                return;
            }
            int at = viewed == LabModel.LIVE ? newest : viewed;
            double px = newest > 0 ? pixelOf(at) : left;
            double r = fs * 0.55;
            g.setFill(color(viewed == LabModel.LIVE ? ChartColor.AXIS : ChartColor.ACTIVATION));
            g.fillOval(px - r, mid - r, 2 * r, 2 * r);
            g.setStroke(color(ChartColor.BACKGROUND));
            g.setLineWidth(Math.max(1.5, fs * 0.12));
            g.strokeOval(px - r, mid - r, 2 * r, 2 * r);
        }

        private static Color withAlpha(Color c, double a) {
            return new Color(c.getRed(), c.getGreen(), c.getBlue(), c.getOpacity() * a);
        }
    }
}
