package org.activationlab.training.lesson;

import org.activationlab.engine.Activations;
import org.activationlab.engine.LayerStats;
import org.activationlab.engine.ModelStats;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each reveal rule picks its answer from the numbers it is given, never from a fixed answer. */
class RevealRuleTest {

    private static final double NONE = Double.NaN;

    /** A model after its run: its MSE and, per hidden layer then output, gradient, dead and saturated shares. */
    private static ModelStats model(double mse, double[] gradients, double dead, double saturated) {
        List<LayerStats> layers = new java.util.ArrayList<>();
        for (int l = 0; l < gradients.length; l++) {
            boolean hidden = l < gradients.length - 1;
            layers.add(new LayerStats(8, hidden, gradients[l], 0, hidden ? dead : 0, 0,
                    new int[LayerStats.HISTOGRAM_BINS], new int[0], Float.NaN, hidden ? saturated : 0));
        }
        boolean diverged = Double.isNaN(mse);
        return new ModelStats("m", Activations.RELU, 100, mse, mse, new float[0], new float[0], layers, diverged,
                diverged ? 5 : -1, List.of(), List.of(), null);
    }

    private static ModelStats mse(double mse) {
        return model(mse, new double[]{1, 1}, 0, 0);
    }

    @Test
    void lowestMseMarksTheBestModelOrAboutTheSame() {
        RevealRule rule = new RevealRule(RevealRule.Kind.LOWEST_MSE, 0, NONE, 2);
        assertEquals(0, rule.answer(List.of(mse(0.002), mse(0.43))));
        assertEquals(1, rule.answer(List.of(mse(0.43), mse(0.002))));
        assertEquals(2, rule.answer(List.of(mse(0.01), mse(0.019))), "within a factor of 2: about the same");
        assertEquals(1, rule.answer(List.of(mse(0.01), mse(0.0049))));
        assertEquals(1, rule.answer(List.of(mse(Double.NaN), mse(0.4))), "a diverged model never fits better");
        RevealRule strict = new RevealRule(RevealRule.Kind.LOWEST_MSE, 0, NONE, NONE);
        assertEquals(1, strict.answer(List.of(mse(0.0100), mse(0.0099))));
        assertEquals(2, strict.answerCount(2));
        assertEquals(4, rule.answerCount(3));
    }

    @Test
    void thresholdRulesAnswerYesOrNo() {
        RevealRule below = new RevealRule(RevealRule.Kind.MSE_BELOW, 1, 0.1, NONE);
        assertEquals(0, below.answer(List.of(mse(0.5), mse(0.09))));
        assertEquals(1, below.answer(List.of(mse(0.01), mse(0.11))));
        assertEquals(1, below.answer(List.of(mse(0.01), mse(Double.NaN))), "diverged is not below anything");
        RevealRule dead = new RevealRule(RevealRule.Kind.DEAD_SHARE_ABOVE, 0, 0.5, NONE);
        assertEquals(0, dead.answer(List.of(model(0.1, new double[]{1, 1, 1}, 0.8, 0))));
        assertEquals(1, dead.answer(List.of(model(0.1, new double[]{1, 1, 1}, 0.3, 0))));
        RevealRule saturated = new RevealRule(RevealRule.Kind.SATURATED_SHARE_ABOVE, 0, 0.33, NONE);
        assertEquals(0, saturated.answer(List.of(model(0.1, new double[]{1, 1, 1}, 0, 0.5))));
        assertEquals(1, saturated.answer(List.of(model(0.1, new double[]{1, 1, 1}, 0, 0.2))));
        assertEquals("m: 50 % of pre-activations saturated",
                saturated.evidence(List.of(model(0.1, new double[]{1, 1, 1}, 0, 0.5)), List.of("m")));
    }

    @Test
    void smallerGradientComparesTheFirstLayerWithTheOutput() {
        RevealRule rule = new RevealRule(RevealRule.Kind.SMALLER_GRADIENT, 0, NONE, 10);
        assertEquals(0, rule.answer(List.of(model(0.5, new double[]{1e-5, 0.3, 1.2}, 0, 0))));
        assertEquals(1, rule.answer(List.of(model(0.5, new double[]{30, 0.3, 1.2}, 0, 0))));
        assertEquals(2, rule.answer(List.of(model(0.5, new double[]{0.2, 0.3, 1.2}, 0, 0))));
        assertEquals("m's gradient: first layer 1.00e-05, output layer 1.20",
                rule.evidence(List.of(model(0.5, new double[]{1e-5, 0.3, 1.2}, 0, 0)), List.of("m")));
    }

    @Test
    void aRuleWithoutItsValueOrWithAWrongWithinIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RevealRule(RevealRule.Kind.MSE_BELOW, 0, NONE, NONE));
        assertThrows(IllegalArgumentException.class, () -> new RevealRule(RevealRule.Kind.LOWEST_MSE, 0, 0.1, NONE));
        assertThrows(IllegalArgumentException.class, () -> new RevealRule(RevealRule.Kind.MSE_BELOW, 0, 0.1, 2));
        assertThrows(IllegalArgumentException.class, () -> new RevealRule(RevealRule.Kind.LOWEST_MSE, 0, NONE, 0.5));
    }
}
