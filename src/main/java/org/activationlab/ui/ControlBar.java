package org.activationlab.ui;

import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.activationlab.training.Snapshot;
import org.activationlab.training.SwitchMode;

import java.util.List;

/**
 * Play/Pause, Step, Reset, speed, epoch counter and limit, switch mode and seed. A flow pane, so
 * that at a large text scale (View ▸ Text size) the controls wrap onto a second row instead of
 * being cut off.
 */
public final class ControlBar extends FlowPane {

    /** Speeds offered, in epochs per second; infinity is "Max". */
    public static final List<Double> SPEEDS = List.of(1.0, 2.0, 5.0, 10.0, 20.0, 60.0,
            Double.POSITIVE_INFINITY);
    /** Epoch limits offered; 0 is "none". */
    public static final List<Integer> LIMITS = List.of(50, 100, 200, 500, 1000, 0);

    private final LabModel model;
    private final Button play = new Button();
    private final EpochCounter epochCounter = new EpochCounter();
    private final ChoiceBox<Double> speed = new ChoiceBox<>();
    private final ChoiceBox<Integer> limit = new ChoiceBox<>();
    private final TextField seed = new TextField();
    private boolean updating;

    public ControlBar(LabModel model) {
        this.model = model;
        getStyleClass().add("control-bar");

        play.setId("play");
        play.getStyleClass().add("primary");
        play.setOnAction(e -> model.togglePlay());
        play.setTooltip(new Tooltip("Play / pause (Space)"));
        Button step = button("step", "Step +1", "Train exactly one epoch (→)", model::step);
        Button reset = button("reset", "Reset", "Back to epoch 0 with the same initial weights (R)",
                model::reset);

        epochCounter.setId("epoch-counter");

        speed.setId("speed");
        speed.getItems().setAll(SPEEDS);
        speed.setConverter(converter(v -> Double.isInfinite(v) ? "Max" : String.format("%.0f /s", v)));
        speed.setTooltip(new Tooltip("Epochs per second"));
        speed.valueProperty().addListener((obs, old, now) -> {
            if (!updating && now != null) {
                model.setSpeed(now);
            }
        });

        limit.setId("epoch-limit");
        limit.getItems().setAll(LIMITS);
        limit.setConverter(converter(v -> v == 0 ? "no limit" : "limit " + v));
        limit.setTooltip(new Tooltip("Training pauses at this epoch"));
        limit.valueProperty().addListener((obs, old, now) -> {
            if (!updating && now != null) {
                model.setEpochLimit(now);
            }
        });

        ChoiceBox<SwitchMode> mode = new ChoiceBox<>();
        mode.setId("switch-mode");
        mode.getItems().setAll(SwitchMode.values());
        mode.valueProperty().bindBidirectional(model.switchModeProperty());
        mode.setTooltip(new Tooltip("What a switched model does with its weights"));

        Label seedLabel = new Label("seed");
        seed.setId("seed");
        seed.setPrefColumnCount(5);
        seed.setTooltip(new Tooltip("Seed of the initial weights and shuffling; Enter applies it"));
        seed.setOnAction(e -> applySeed());
        Button newSeed = button("new-seed", "New seed", "Draw new initial weights and restart",
                () -> seed.setText(String.valueOf(model.newSeed())));

        // Each label stays with its control when the bar wraps.
        getChildren().addAll(play, step, reset, separator(), speed, epochCounter, limit,
                secondary(separator()), secondary(group(new Label("on switch:"), mode)), secondary(separator()),
                secondary(group(seedLabel, seed, newSeed)));
    }

    /**
     * Marks controls that fold away when a lesson needs the height at a large text size in a
     * small window ({@link #setSecondaryFolded}); what they do is in the menus and keys too.
     */
    static <T extends Node> T secondary(T node) {
        node.getStyleClass().add(SECONDARY);
        return node;
    }

    static final String SECONDARY = "control-secondary";

    /** Folds the secondary controls away (true) or shows them again. */
    void setSecondaryFolded(boolean folded) {
        for (Node n : getChildren()) {
            if (n.getStyleClass().contains(SECONDARY)) {
                n.setVisible(!folded);
                n.setManaged(!folded);
            }
        }
    }

    private static HBox group(Node... nodes) {
        HBox group = new HBox(nodes);
        group.getStyleClass().add("control-group");
        return group;
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        // Keys belong to the whole window (Space plays), so buttons do not keep the focus.
        b.setFocusTraversable(false);
        return b;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private void applySeed() {
        try {
            long value = Long.parseLong(seed.getText().strip());
            seed.getStyleClass().remove("invalid");
            model.setSeed(value);
            // Hand the keys back to the window: Space must play again, not type a space.
            requestFocus();
        } catch (NumberFormatException e) {
            if (!seed.getStyleClass().contains("invalid")) {
                seed.getStyleClass().add("invalid");
            }
        }
    }

    /** Shows the state of a snapshot. */
    public void show(Snapshot s) {
        updating = true;
        try {
            play.setText(s.playing() ? "❚❚ Pause" : "▶ Play");
            int lim = s.config().epochLimit();
            epochCounter.show(s.epoch(), lim);
            speed.setValue(s.epochsPerSecond());
            limit.setValue(lim);
            if (!seed.isFocused()) {
                seed.setText(String.valueOf(s.config().seed()));
                seed.getStyleClass().remove("invalid");
            }
        } finally {
            updating = false;
        }
    }

    Button playButton() {
        return play;
    }
}
