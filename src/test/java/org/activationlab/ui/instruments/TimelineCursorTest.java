package org.activationlab.ui.instruments;

import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activationlab.ui.FxTestSupport;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.MainView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import static org.activationlab.ui.FxTestSupport.awaitSnapshot;
import static org.activationlab.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Going back through the run puts a cursor on every instrument chart over epochs, and live removes it. */
@ExtendWith(ApplicationExtension.class)
class TimelineCursorTest {

    private MainView view;

    @Start
    void start(Stage stage) {
        view = FxTestSupport.showMainView(stage);
    }

    @Stop
    void stop() {
        FxTestSupport.shutDown(view);
    }

    @Test
    void theInstrumentsShowACursorAtTheEpochGoneBackTo(FxRobot robot) {
        for (int i = 1; i <= 3; i++) {
            int epoch = i;
            robot.type(KeyCode.RIGHT);
            awaitSnapshot(view, "epoch " + epoch, s -> s.epoch() == epoch && !s.playing());
        }
        robot.type(KeyCode.HOME);
        robot.type(KeyCode.RIGHT);
        assertEquals(1, onFx(() -> view.model().viewedEpoch()));
        int charts = 0;
        for (Tab tab : onFx(() -> view.instruments().getTabs())) {
            if (tab.getContent() instanceof InstrumentChart chart) {
                assertEquals(1, onFx(chart::cursorEpoch), tab.getText());
                charts++;
            }
        }
        assertEquals(Instruments.TITLES.size(), charts);
        // The gradient flow tab draws with the cursor.
        onFx(() -> view.instruments().getSelectionModel().select(1));
        FxTestSupport.awaitFx("the gradient flow chart to draw", () -> {
            InstrumentChart c = (InstrumentChart) view.instruments().getTabs().get(1).getContent();
            return !c.isDirty() && c.redrawCount() > 0;
        }, () -> "not drawn");
        robot.type(KeyCode.END);
        for (Tab tab : onFx(() -> view.instruments().getTabs())) {
            if (tab.getContent() instanceof InstrumentChart chart) {
                assertEquals(LabModel.LIVE, onFx(chart::cursorEpoch), tab.getText());
            }
        }
    }
}
