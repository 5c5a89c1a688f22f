package org.activationlab.training.lesson;

import java.util.List;
import java.util.Objects;

/**
 * A question a lesson step asks before it runs ("Which network will fit better?"): the class
 * votes, the step runs, and at the end of the run {@link #rule} marks the answer that came true.
 *
 * @param text     the question
 * @param answers  2–4 answers, in the order the rule numbers them
 * @param rule     decides from the run which answer came true
 * @param expected the answer the lesson's text expects (the lesson tests check that the rule
 *                 picks it on every seed they try)
 */
public record LessonQuestion(String text, List<String> answers, RevealRule rule, int expected) {

    public static final int MIN_ANSWERS = 2;
    public static final int MAX_ANSWERS = 4;

    public LessonQuestion {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(rule, "rule");
        answers = List.copyOf(answers);
        if (answers.size() < MIN_ANSWERS || answers.size() > MAX_ANSWERS) {
            throw new IllegalArgumentException("a question has " + MIN_ANSWERS + "–" + MAX_ANSWERS + " answers");
        }
        if (expected < 0 || expected >= answers.size()) {
            throw new IllegalArgumentException("expected " + expected);
        }
    }

    /** The answer the lesson's text expects. */
    public String expectedAnswer() {
        return answers.get(expected);
    }
}
