package org.activationlab.training.lesson;

import org.activationlab.training.ExperimentFileException;

/**
 * A lesson file (or the index) that cannot be used, with the file and the field at fault, e.g.
 * {@code 05-dying-relu.json: steps[2].config.models[0]: unknown activation 'leaky' (choose from …)}.
 */
public final class LessonFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String field;

    /**
     * @param file    the file's name
     * @param field   the field's path in the file, e.g. {@code steps[1].config.depth}; null if the
     *                whole file is at fault (not JSON, missing)
     * @param problem what is wrong, in words a teacher understands
     */
    public LessonFormatException(String file, String field, String problem) {
        super(file + ": " + (field == null ? "" : field + ": ") + problem);
        this.file = file;
        this.field = field;
    }

    /** A problem in a lesson's {@code config}, found by the experiment reader. */
    static LessonFormatException of(String file, ExperimentFileException e) {
        String field = e.field();
        String message = e.getMessage();
        if (field != null && message.startsWith(field + " ")) {
            return new LessonFormatException(file, field, message.substring(field.length() + 1));
        }
        return new LessonFormatException(file, field, message);
    }

    public String file() {
        return file;
    }

    /** The field's path, or null if the whole file is at fault. */
    public String field() {
        return field;
    }
}
