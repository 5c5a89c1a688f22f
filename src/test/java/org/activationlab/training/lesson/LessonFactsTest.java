package org.activationlab.training.lesson;

import org.activationlab.engine.Activation;
import org.activationlab.engine.ActivationFacts;
import org.activationlab.engine.Activations;
import org.activationlab.engine.Saturation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The facts about activations that lesson texts state, against the one source the info cards and
 * the Saturation tab use ({@link ActivationFacts}, {@link Saturation}) and against the functions.
 * The numbers are read from the texts, so a reworded lesson is checked, not a copy of it.
 */
class LessonFactsTest {

    private static String text(String file, int step) throws LessonFormatException {
        LessonStep s = LessonLoader.read(LessonLoader.bundled(), file).step(step);
        return s.text() + " " + s.watch();
    }

    private static Matcher find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "the lesson no longer says /" + regex + "/: update this test with it\n" + text);
        return m;
    }

    private static double maxSlope(Activation a) {
        double max = 0;
        for (double x = -20; x <= 20; x += 0.0005) {
            max = Math.max(max, a.derivative(x));
        }
        return max;
    }

    @Test
    void slopesTheLessonsQuote() throws LessonFormatException {
        String relu = text("02-why-relu.json", 1);
        find(relu, "slope is exactly 1 for positive inputs and 0 for negative ones");
        for (double x = 0.01; x < 50; x *= 1.5) {
            assertEquals(1, Activations.RELU.derivative(x));
            assertEquals(0, Activations.RELU.derivative(-x));
        }
        assertEquals(Saturation.Side.INACTIVE, Activations.RELU.saturation().negative(),
                "0 for negative inputs: inactive, which the card and the Saturation tab do not call saturated");

        Matcher sigmoid = find(text("03-vanishing-gradients.json", 1), "Sigmoid's slope is never larger than ([0-9]+(?:\\.[0-9]+)?)");
        assertEquals(Double.parseDouble(sigmoid.group(1)), maxSlope(Activations.SIGMOID), 1e-9);
        assertTrue(Activations.SIGMOID.facts().vanishing().contains("f′ ≤ " + sigmoid.group(1)), "the card agrees");

        Matcher tanh = find(text("03-vanishing-gradients.json", 3), "slope at zero is ([0-9]+(?:\\.[0-9]+)?) instead of ([0-9]+(?:\\.[0-9]+)?)");
        assertEquals(Double.parseDouble(tanh.group(1)), Activations.TANH.derivative(0), 1e-12);
        assertEquals(Double.parseDouble(tanh.group(2)), Activations.SIGMOID.derivative(0), 1e-12);
    }

    @Test
    void saturationAsTheLessonDefinesItIsTheTabsRule() throws LessonFormatException {
        String flat = text("06-saturation.json", 0);
        Matcher m = find(flat, "Sigmoid's slope at ([0-9]+) is about ([0-9]+(?:\\.[0-9]+)?), Tanh's about ([0-9]+(?:\\.[0-9]+)?)");
        double x = Double.parseDouble(m.group(1));
        assertEquals(Double.parseDouble(m.group(2)), Activations.SIGMOID.derivative(x), 0.0001);
        assertEquals(Double.parseDouble(m.group(3)), Activations.TANH.derivative(x), 0.000005);
        find(flat, "it is saturated");
        assertTrue(Activations.SIGMOID.saturation().contains(x) && Activations.TANH.saturation().contains(x),
                "what the lesson calls saturated is counted and shaded as saturated");
        assertTrue(Activations.SIGMOID.facts().saturates().startsWith("yes, both ends"));
        assertTrue(Activations.TANH.facts().saturates().startsWith("yes, both ends"));
    }

    @Test
    void eluAveragesCloserToZeroAsTheCardSays() throws LessonFormatException {
        find(text("05-dying-relu.json", 4), "ELU.*outputs average closer to zero");
        assertEquals(ActivationFacts.Centring.CLOSER_TO_ZERO, Activations.ELU.facts().centring());
        assertTrue(Activations.ELU.facts().meanText().contains("closer to zero mean"));
        assertTrue(Activations.ELU.facts().meanOutput() < Activations.RELU.facts().meanOutput());
    }

    @Test
    void noLessonCallsANonSaturatingActivationSaturated() {
        List<Activation> named = new ArrayList<>(Activations.all());
        named.sort((a, b) -> b.displayName().length() - a.displayName().length());
        LessonCatalogue catalogue = LessonLoader.load(LessonLoader.bundled());
        int checked = 0;
        for (Lesson lesson : catalogue.lessons()) {
            for (int i = 0; i < lesson.stepCount(); i++) {
                LessonStep step = lesson.step(i);
                for (String sentence : (step.text() + " " + step.watch()).split("(?<=[.:;])\\s+")) {
                    if (!sentence.toLowerCase(java.util.Locale.ROOT).contains("saturat")) {
                        continue;
                    }
                    String rest = sentence;
                    for (Activation a : named) {
                        if (rest.contains(a.displayName())) {
                            checked++;
                            assertTrue(a.isVectorFunction() || a.saturation().any(), lesson.file() + " step "
                                    + (i + 1) + " speaks of " + a + " and saturation: " + sentence);
                            rest = rest.replace(a.displayName(), "");
                        }
                    }
                }
            }
        }
        assertTrue(checked > 0, "the lessons mention saturation of some activation");
        assertFalse(Activations.RELU.saturation().any());
        assertFalse(Activations.LEAKY_RELU.saturation().any());
    }
}
