package org.activationlab.ui;

import org.activationlab.ui.instruments.InstrumentFx;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Snapshot;
import org.activationlab.training.Trainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Objects;

import static org.activationlab.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Defect 9 of issue 8: the control bar shifted ~25 px as "epoch 0 / 100" became "epoch 100 / 100".
 * The counter now keeps the width of its widest text for the limit, so nothing after it moves.
 */
class ControlBarWidthTest {

    @BeforeAll
    static void start() {
        InstrumentFx.startToolkit();
    }

    @Test
    void nothingInTheBarMovesWhileTheEpochCountsUpToTheLimit() {
        ExperimentConfig config = InstrumentFx.smallClassic();
        assertEquals(100, config.epochLimit(), "precondition: the classic limit");
        Snapshot first = InstrumentFx.trained(config, 0);
        Snapshot tenth = InstrumentFx.trained(config, 10);
        Snapshot last = InstrumentFx.trained(config, 100);
        try (Trainer trainer = new Trainer(config)) {
            LabModel model = new LabModel(trainer);
            ControlBar bar = onFx(FxTestSupport.FIRST_SHOW_TIMEOUT_MS, () -> {
                ControlBar b = new ControlBar(model);
                Scene scene = new Scene(b, 1280, 120);
                scene.getStylesheets().add(Objects.requireNonNull(
                        ActivationLabApp.class.getResource(ActivationLabApp.STYLESHEET)).toExternalForm());
                return b;
            });
            double[] atFirst = positions(bar, first);
            Label counter = (Label) bar.lookup("#epoch-counter");
            assertEquals("epoch 0 / 100", onFx(counter::getText));
            double[] atTenth = positions(bar, tenth);
            double[] atLast = positions(bar, last);
            assertEquals("epoch 100 / 100", onFx(counter::getText));
            for (int i = 0; i < atFirst.length; i++) {
                assertEquals(atFirst[i], atTenth[i], 0.5, "control " + i + " moved at epoch 10");
                assertEquals(atFirst[i], atLast[i], 0.5, "control " + i + " moved at epoch 100");
            }
            // And the widest text is whole.
            assertEquals(onFx(() -> counter.getText()), onFx(() -> LayoutProbe.shownText(counter)));
        }
    }

    /** The left edge of every control in the bar after showing {@code s}. */
    private static double[] positions(ControlBar bar, Snapshot s) {
        return onFx(() -> {
            bar.show(s);
            bar.applyCss();
            bar.layout();
            return bar.getChildren().stream().mapToDouble(Node::getLayoutX).toArray();
        });
    }
}
