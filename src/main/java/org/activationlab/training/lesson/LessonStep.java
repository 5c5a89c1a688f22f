package org.activationlab.training.lesson;

import org.activationlab.training.ExperimentFile;

import java.util.Objects;
import java.util.Optional;

/**
 * One step of a lesson: what the teacher reads out and what the class should watch, the
 * experiment the step runs, and what the window shows.
 *
 * @param title    a few words, shown large
 * @param text     the explanation, a few sentences
 * @param watch    what to look at while it trains
 * @param settings the experiment (and speed) of this step: the lesson's settings with the changes of this
 *                 step and every step before it
 * @param tab      title of the instrument tab to bring to the front, or null
 * @param panel    a panel shown instead of the charts ({@link Lesson#PANELS}), or null
 * @param question a question the class answers before the step runs, or null
 */
public record LessonStep(String title, String text, String watch, ExperimentFile.Contents settings,
                         String tab, String panel, LessonQuestion question) {

    public LessonStep {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(settings, "settings");
    }

    public Optional<String> tabTitle() {
        return Optional.ofNullable(tab);
    }

    /** Without a question. */
    public LessonStep(String title, String text, String watch, ExperimentFile.Contents settings,
                      String tab, String panel) {
        this(title, text, watch, settings, tab, panel, null);
    }

    public Optional<LessonQuestion> questionAsked() {
        return Optional.ofNullable(question);
    }

    public Optional<String> panelName() {
        return Optional.ofNullable(panel);
    }
}
