package org.activationlab.ui;

import org.activationlab.ui.instruments.InstrumentFx;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.activationlab.engine.OptimizerKind;
import org.activationlab.engine.OptimizerSpec;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Snapshot;
import org.activationlab.training.Trainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.concurrent.TimeoutException;

import static org.activationlab.ui.FxTestSupport.awaitFx;
import static org.activationlab.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Defect 8 of issue 8: the divergence banner covered the fit chart's title and legend, and named
 * only the first network when both diverged.
 */
class DivergenceBannerTest {

    /** Plain SGD at lr 10: both networks diverge in their first epoch. */
    private static final ExperimentConfig BOTH_DIVERGE = InstrumentFx.smallClassic()
            .withOptimizer(OptimizerSpec.of(OptimizerKind.SGD, 10));

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
    void theBannerNamesEveryDivergedNetwork() {
        Snapshot s = InstrumentFx.trained(BOTH_DIVERGE, 1);
        assertTrue(s.models().stream().allMatch(m -> m.diverged()), "precondition: both diverged");
        String text = MainView.problemText(s);
        assertTrue(text.contains("ReLU network"), text);
        assertTrue(text.contains("Linear (no activation)"), text);
        assertTrue(text.contains("epoch 1"), text);
        assertFalse(text.contains("Space trains"), "no model is left to train: " + text);
    }

    @Test
    void theBannerLeavesTheFitChartsTitleAndLegendVisible() throws TimeoutException {
        Stage stage = FxToolkit.registerPrimaryStage();
        view = onFx(FxTestSupport.FIRST_SHOW_TIMEOUT_MS, () -> {
            MainView v = new MainView(new LabModel(new Trainer(BOTH_DIVERGE, 200)));
            stage.setScene(ActivationLabApp.createScene(v));
            stage.setWidth(ActivationLabApp.WIDTH);
            stage.setHeight(ActivationLabApp.HEIGHT);
            v.start();
            stage.show();
            return v;
        });
        onFx(() -> view.model().play());
        Node banner = onFx(() -> view.lookup("#banner"));
        awaitFx("the divergence banner", () -> banner.isVisible()
                && view.model().snapshot().models().stream().allMatch(m -> m.diverged()), () -> "");
        // Laid out and drawn with the banner showing.
        awaitFx("the fit chart drawn under the banner", () -> !view.fitChart().isDirty()
                && view.fitChart().legendBounds() != null && banner.getLayoutBounds().getHeight() > 0,
                () -> "");
        String text = onFx(() -> ((Label) view.lookup(".banner-text")).getText());
        assertTrue(text.contains("ReLU network") && text.contains("Linear (no activation)"), text);

        Bounds bannerInScene = onFx(() -> banner.localToScene(banner.getLayoutBounds()));
        Bounds headInScene = onFx(() -> {
            // From the chart's top edge (the title) down to the legend's bottom.
            Rectangle2D legend = view.fitChart().legendBounds();
            Bounds head = new BoundingBox(0, 0, view.fitChart().getWidth(), legend.getMaxY());
            return view.fitChart().localToScene(head);
        });
        assertFalse(bannerInScene.intersects(headInScene),
                "banner " + bannerInScene + " covers the fit chart's title and legend " + headInScene);
    }
}
