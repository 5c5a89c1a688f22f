package org.activationlab.ui.lessons;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The softmax panel's probabilities against the closed form, computed here in double precision. */
@ExtendWith(ApplicationExtension.class)
class SoftmaxPanelTest {

    /** The engine computes in single precision. */
    private static final double TOLERANCE = 1e-6;

    private SoftmaxPanel panel;

    @Start
    void start(Stage stage) {
        panel = new SoftmaxPanel();
        stage.setScene(new Scene(panel, 900, 500));
        stage.show();
    }

    /** e^(zᵢ/T) / Σⱼ e^(zⱼ/T), written out directly. */
    private static double[] closedForm(double[] z, double t) {
        double sum = 0;
        double[] e = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            e[i] = Math.exp(z[i] / t);
            sum += e[i];
        }
        for (int i = 0; i < z.length; i++) {
            e[i] /= sum;
        }
        return e;
    }

    @Test
    void theEnginesSoftmaxMatchesTheClosedForm() {
        double[][] cases = {{2, 1, 0.1}, {0, 0, 0, 0}, {-3, 4.5, 0.5, 1, -1}, {5, -5, 5}};
        for (double[] z : cases) {
            for (double t : new double[] {0.3, 1, 2.5, 10}) {
                assertArrayEquals(closedForm(z, t), SoftmaxPanel.probabilities(z, t), TOLERANCE);
            }
        }
        // Logits far beyond exp's range: the engine subtracts the maximum, the closed form overflows.
        assertArrayEquals(new double[] {0.5, 0.5, 0}, SoftmaxPanel.probabilities(new double[] {800, 800, 0}, 1), TOLERANCE);
        assertThrows(IllegalArgumentException.class, () -> SoftmaxPanel.probabilities(new double[] {1, 2}, 0));
    }

    @Test
    void thePanelShowsTheClosedFormForItsSliders() {
        onFx(() -> {
            panel.setClassCount(4);
            panel.setLogit(0, 1.5);
            panel.setLogit(1, -0.5);
            panel.setLogit(2, 3.0);
            panel.setLogit(3, 0.0);
            panel.setTemperature(1);
            return null;
        });
        double[] p = onFx(panel::probabilities);
        assertArrayEquals(closedForm(new double[] {1.5, -0.5, 3.0, 0.0}, 1), p, TOLERANCE);
        for (int i = 0; i < 4; i++) {
            int bar = i;
            assertEquals(p[i], onFx(() -> panel.bar(bar).getProgress()), TOLERANCE, "bar " + i);
        }
        assertEquals(1.0, p[0] + p[1] + p[2] + p[3], TOLERANCE);
        assertTrue(p[2] > p[0] && p[0] > p[3] && p[3] > p[1], "order follows the logits");
    }

    @Test
    void movingEveryLogitByTheSameAmountChangesNothing() {
        double[] before = onFx(() -> {
            panel.setClassCount(3);
            panel.setLogit(0, 0.5);
            panel.setLogit(1, -1);
            panel.setLogit(2, 2);
            return panel.probabilities();
        });
        double[] after = onFx(() -> {
            panel.setLogit(0, 2.5);
            panel.setLogit(1, 1);
            panel.setLogit(2, 4);
            return panel.probabilities();
        });
        assertEquals(3, after.length);
        assertArrayEquals(before, after, TOLERANCE);
    }

    @Test
    void aHighTemperatureTendsToEqualSharesALowOneToTheLargestLogit() {
        onFx(() -> {
            panel.setClassCount(5);
            double[] z = {4, 1, 0, -2, -5};
            for (int i = 0; i < z.length; i++) {
                panel.setLogit(i, z[i]);
            }
            return null;
        });
        double previousSpread = Double.POSITIVE_INFINITY;
        for (double t : new double[] {1, 3, 10, 30, 100}) {
            double[] p = onFx(() -> {
                panel.setTemperature(t);
                return panel.probabilities();
            });
            double spread = 0;
            for (double pi : p) {
                spread = Math.max(spread, Math.abs(pi - 0.2));
            }
            assertTrue(spread < previousSpread, "T=" + t + ": closer to uniform than before (" + spread + ")");
            previousSpread = spread;
            assertArrayEquals(closedForm(new double[] {4, 1, 0, -2, -5}, onFx(panel::temperature)), p, TOLERANCE);
        }
        assertTrue(previousSpread < 0.02, "T=100 is nearly uniform: " + previousSpread);
        double[] cold = onFx(() -> {
            panel.setTemperature(0.1);
            return panel.probabilities();
        });
        assertTrue(cold[0] > 0.999, "T=0.1 picks the largest logit: " + cold[0]);
    }

    private static <T> T onFx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
