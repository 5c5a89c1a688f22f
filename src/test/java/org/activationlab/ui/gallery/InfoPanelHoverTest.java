package org.activationlab.ui.gallery;

import org.activationlab.ui.FxTestSupport;
import org.activationlab.ui.MainView;
import org.activationlab.ui.instruments.InstrumentFx;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.activationlab.engine.Activation;
import org.activationlab.engine.Activations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeoutException;

import static org.activationlab.ui.FxTestSupport.awaitFx;
import static org.activationlab.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Defect 9 of issue 8: the info panel followed whatever card lay under the pointer, so when the
 * gallery scrolled a new card under a resting mouse (a key picked a card out of view) it described
 * an activation that was not training. A preview now needs the pointer to move on a card.
 */
class InfoPanelHoverTest {

    private MainView view;

    @BeforeAll
    static void start() {
        InstrumentFx.startToolkit();
    }

    @AfterEach
    void shutDown() throws TimeoutException {
        onFx(() -> FxTestSupport.shutDown(view));
        FxToolkit.cleanupStages();
    }

    @Test
    void aCardScrolledUnderARestingPointerIsNotPreviewed() throws TimeoutException {
        Stage stage = FxToolkit.registerPrimaryStage();
        view = onFx(FxTestSupport.FIRST_SHOW_TIMEOUT_MS, () -> FxTestSupport.showMainView(stage));
        ActivationInfoPanel panel = onFx(() -> (ActivationInfoPanel) view.lookup("#activation-info"));
        ScrollPane gallery = onFx(() -> (ScrollPane) view.lookup("#activation-gallery"));
        awaitFx("the gallery laid out and scrollable", () -> gallery.getViewportBounds().getHeight() > 0
                && gallery.getContent().getLayoutBounds().getHeight() > gallery.getViewportBounds().getHeight(),
                () -> "viewport " + gallery.getViewportBounds());

        // The pointer rests on the Leaky ReLU card (a real move: that card is previewed)...
        FxRobot robot = new FxRobot();
        robot.moveTo(onFx(() -> view.lookup("#card-leaky_relu")));
        awaitFx("the hovered card previewed", () -> panel.shown() == Activations.LEAKY_RELU, () -> "" + panel.shown());
        Point2D pointer = robot.point(onFx(() -> view.lookup("#card-leaky_relu"))).query();

        // ...and a key picks Mish, out of view at the bottom: the gallery scrolls under the pointer.
        onFx(() -> view.model().selectActivation(Activations.MISH));
        awaitFx("Mish selected and scrolled into view", () -> view.model().snapshot().config().activation()
                == Activations.MISH && gallery.getVvalue() > 0, () -> "vvalue " + gallery.getVvalue());
        WaitForAsyncUtils.waitForFxEvents();
        Activation under = onFx(() -> cardAt(pointer));
        assertNotSame(Activations.LEAKY_RELU, under, "precondition: another card is now under the pointer");
        awaitFx("the panel describes the training activation", () -> panel.shown() == Activations.MISH,
                () -> "shown " + panel.shown() + ", under the pointer " + under);
        // A few more frames: a late re-pick of the hovered node must not change it either.
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(Activations.MISH, onFx(panel::shown));
        assertFalse(onFx(() -> ((Label) view.lookup("#info-title")).getText()).contains("hovered"));

        // A real move over a card previews it again; leaving it returns to the selected one.
        if (under != null) {
            robot.moveBy(2, 2);
            awaitFx("a moved-on card previewed", () -> panel.shown() == under, () -> "" + panel.shown());
            assertNotEquals(Activations.MISH, under);
        }
        robot.moveTo(view.fitChart());
        awaitFx("back to the selected activation", () -> panel.shown() == Activations.MISH, () -> "" + panel.shown());
    }

    /** The activation of the card under the scene point {@code p}, or null. */
    private Activation cardAt(Point2D screen) {
        for (ActivationCard card : view.cards()) {
            Bounds b = card.localToScreen(card.getLayoutBounds());
            if (b != null && b.contains(screen)) {
                return card.activation();
            }
        }
        return null;
    }
}
