package org.activationlab.ui;

import javafx.scene.input.KeyCode;
import org.activationlab.training.Snapshot;
import org.activationlab.training.SwitchMode;

import java.util.List;

/**
 * Keys for the control bar's choices that had none — speed, epoch limit, switch mode and a new
 * seed — so that every action of the window can be reached from the keyboard (and from a
 * presentation clicker that sends keys).
 */
public final class ControlKeys {

    public static final String FASTER = "Train faster";
    public static final String SLOWER = "Train slower";
    public static final String LIMIT = "Next epoch limit";
    public static final String MODE = "On switch: restart from the same weights / keep the weights";
    public static final String NEW_SEED = "New seed: new initial weights, back to epoch 0";

    private ControlKeys() {
    }

    public static void install(Shortcuts shortcuts, LabModel model) {
        shortcuts.add(KeyCode.UP, FASTER, () -> changeSpeed(model, +1));
        shortcuts.add(KeyCode.DOWN, SLOWER, () -> changeSpeed(model, -1));
        shortcuts.add(KeyCode.M, LIMIT, () -> nextLimit(model));
        shortcuts.add(KeyCode.W, MODE, () -> model.switchModeProperty().set(
                model.switchModeProperty().get() == SwitchMode.RESTART ? SwitchMode.KEEP_WEIGHTS : SwitchMode.RESTART));
        shortcuts.add(KeyCode.S, NEW_SEED, model::newSeed);
    }

    /** One step along {@link ControlBar#SPEEDS} from the speed the trainer has now. */
    static void changeSpeed(LabModel model, int direction) {
        Snapshot s = model.snapshot();
        if (s == null) {
            return;
        }
        List<Double> speeds = ControlBar.SPEEDS;
        int i = nearest(speeds, s.epochsPerSecond());
        model.setSpeed(speeds.get(Math.max(0, Math.min(speeds.size() - 1, i + direction))));
    }

    static void nextLimit(LabModel model) {
        Snapshot s = model.snapshot();
        if (s == null) {
            return;
        }
        int current = s.config().epochLimit();
        for (int limit : ControlBar.LIMITS) {
            // The next larger limit; after the largest comes "no limit" (0), after that the smallest.
            if (current == 0 ? limit > 0 : limit == 0 || limit > current) {
                model.setEpochLimit(limit);
                return;
            }
        }
    }

    private static int nearest(List<Double> speeds, double speed) {
        int best = 0;
        for (int i = 0; i < speeds.size(); i++) {
            if (Math.abs(Math.log(speeds.get(i)) - Math.log(speed))
                    < Math.abs(Math.log(speeds.get(best)) - Math.log(speed))
                    || speeds.get(i).equals(speed)) {
                best = i;
            }
        }
        return best;
    }
}
