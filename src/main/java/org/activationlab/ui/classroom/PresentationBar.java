package org.activationlab.ui.classroom;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.LabModel;

/**
 * The slim bar of presentation mode, shown over the top of the charts while the mouse moves:
 * the few controls a teacher reaches for in front of the class. Everything else has a key.
 */
public final class PresentationBar extends HBox {

    private final Button play = new Button();
    private final Label epoch = new Label();

    /**
     * @param showKeys opens the shortcuts list
     * @param leave    leaves presentation mode
     */
    public PresentationBar(LabModel model, Appearance appearance, Runnable showKeys, Runnable leave) {
        this(model, appearance, showKeys, leave, null);
    }

    /**
     * @param featureControls other features' controls (a lesson's Back and Next), shown after
     *                        the training buttons; null for none
     */
    public PresentationBar(LabModel model, Appearance appearance, Runnable showKeys, Runnable leave,
                           Node featureControls) {
        setId("presentation-bar");
        getStyleClass().add("presentation-bar");
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        // Laid over the charts: it must never widen the window's minimum size.
        setMinWidth(0);
        StackPane.setAlignment(this, Pos.TOP_CENTER);
        play.setId("presentation-play");
        play.getStyleClass().add("primary");
        configure(play, "Play / pause (Space)", model::togglePlay);
        epoch.getStyleClass().add("presentation-epoch");
        getChildren().addAll(play,
                button("Step +1", "Train one epoch (→)", model::step),
                button("Reset", "Back to epoch 0 (R)", model::reset),
                epoch, new Separator(Orientation.VERTICAL));
        if (featureControls != null) {
            getChildren().add(featureControls);
        }
        getChildren().addAll(
                button("A−", "Smaller text (Ctrl −)", appearance::smaller),
                button("A+", "Bigger text (Ctrl +)", appearance::bigger),
                button("Theme", "Next colour theme (T)", appearance::cycleTheme),
                button("Keys", "All keyboard shortcuts (F1 or ?)", showKeys),
                button("✕ Leave", "Leave presentation mode (Esc)", leave));
        model.snapshotProperty().addListener((obs, old, now) -> show(now));
        show(model.snapshot());
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        configure(b, tip, action);
        return b;
    }

    private static void configure(Button b, String tip, Runnable action) {
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        // Keys belong to the window (Space plays), so buttons never keep the focus.
        b.setFocusTraversable(false);
    }

    private void show(Snapshot s) {
        if (s == null) {
            return;
        }
        play.setText(s.playing() ? "❚❚ Pause" : "▶ Play");
        int limit = s.config().epochLimit();
        epoch.setText("epoch " + s.epoch() + (limit > 0 ? " / " + limit : ""));
    }
}
