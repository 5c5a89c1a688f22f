package org.activationlab.training.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * The lessons that could be read, in the index's order, and a warning for each one that could
 * not (naming the file and the field).
 */
public record LessonCatalogue(List<Lesson> lessons, List<String> warnings) {

    public LessonCatalogue {
        lessons = List.copyOf(lessons);
        warnings = List.copyOf(warnings);
    }

    /** These lessons followed by {@code more}'s. */
    public LessonCatalogue plus(LessonCatalogue more) {
        List<Lesson> l = new ArrayList<>(lessons);
        l.addAll(more.lessons);
        List<String> w = new ArrayList<>(warnings);
        w.addAll(more.warnings);
        return new LessonCatalogue(l, w);
    }
}
