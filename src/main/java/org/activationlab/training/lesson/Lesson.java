package org.activationlab.training.lesson;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A guided lesson: a title, a one-line summary for the picker and at least one step. Built by
 * {@link LessonLoader} from a lesson file.
 *
 * @param file    the file it came from (for messages), e.g. {@code 03-vanishing-gradients.json}
 * @param title   shown in the Lessons menu and the picker
 * @param summary one sentence: what the class will see
 * @param steps   the steps, in order
 */
public record Lesson(String file, String title, String summary, List<LessonStep> steps) {

    /** The panels a step may show instead of the charts. */
    public static final Set<String> PANELS = Set.of("softmax");

    public Lesson {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a lesson needs at least one step");
        }
    }

    public LessonStep step(int index) {
        return steps.get(index);
    }

    public int stepCount() {
        return steps.size();
    }
}
