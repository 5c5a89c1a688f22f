package org.activationlab.training.lesson;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.activationlab.engine.Echo;
import org.activationlab.engine.InputFiles;
import org.activationlab.engine.Setting;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.ExperimentFile;
import org.activationlab.training.ExperimentFileException;
import org.activationlab.training.JsonFields;
import org.activationlab.training.StrictJson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads lessons from JSON files, so that a teacher can add one without touching code.
 *
 * <h2>Where lessons live</h2>
 * The bundled lessons are resources in {@code org/activationlab/lessons/}: an index file
 * {@code index.json} lists the lesson files in the order the Lessons menu shows them:
 * <pre>{@code { "lessons": ["01-with-vs-without.json", "02-why-relu.json"] } }</pre>
 * A folder with its own {@code index.json} can be read the same way ({@link #directory(Path)}).
 *
 * <h2>A lesson file</h2>
 * <pre>{@code
 * {
 *   "title": "Dying ReLU",                                  (required, ≤ 60 characters)
 *   "summary": "Units that switch off for good …",           (required, ≤ 160; the picker shows it)
 *   "config": { "learningRate": 0.03, "models": ["relu"] },  (optional, see below)
 *   "steps": [                                              (required, 1–20 steps)
 *     { "title": "Too big a step",                          (required, ≤ 60)
 *       "text": "What to say: the explanation.",            (required, ≤ 480)
 *       "watch": "What the class should look at.",          (required, ≤ 320)
 *       "tab": "Dead units",          (optional: instrument tab brought to the front, if it exists)
 *       "panel": "softmax",           (optional: shown instead of the charts; only "softmax" so far)
 *       "config": { "biasInit": -1 }, (optional: changes for this step and the steps after it)
 *       "question": {                 (optional: asked before the step runs, answered by the run)
 *         "text": "Will the network learn the wave?",               (required, ≤ 160)
 *         "answers": ["Yes, it follows the wave", "No, it stays flat"], (required, 2–4, each ≤ 80)
 *         "reveal": { "rule": "mse_below", "model": "relu", "value": 0.1 }, (required, see below)
 *         "expected": "No, it stays flat"  (required: the answer the text expects; tests check it)
 *       }
 *     } ]
 * }
 * }</pre>
 *
 * <h2>Config</h2>
 * A {@code config} uses the vocabulary of experiment files ({@link ExperimentFile}), and every
 * field is optional: the lesson's {@code config} changes the classic experiment, and each step's
 * {@code config} changes the settings of the step before it, so a change carries on to later
 * steps. When a step's settings differ from the running experiment's, the app loads them
 * (training restarts at epoch 0, paused). For example
 * <pre>{@code
 * "config": { "data": {"target": "abs", "points": 200, "noise": 0.1},
 *             "network": {"depth": 4, "width": 32, "initializer": "he", "init_scale": 2, "bias_init": 0},
 *             "models": [{"activation": "leaky_relu", "slope": 0.2}, "relu"],
 *             "optimizer": {"kind": "sgd", "learning_rate": 0.01},
 *             "batch_size": 64, "seed": 7, "epoch_limit": 100, "speed": 20 }
 * }</pre>
 * An optimizer {@code kind} given without a {@code learning_rate} gets its default. The ranges are
 * those of {@link Setting}. The flat names of older lesson files ({@code learningRate},
 * {@code batchSize}, {@code init}, {@code initScale}, {@code biasInit}, {@code epochs},
 * {@code depth}, {@code target}, {@code "optimizer": "sgd"}, …) are still read, with a note.
 *
 * <h2>Questions</h2>
 * A step's {@code question} is answered by what happens in the step's run, never written down:
 * at the end of the run its {@code reveal} rule ({@link RevealRule}) picks the answer that came
 * true. {@code rule} is one of {@code lowest_mse} (one answer per model, in the models' order),
 * {@code smaller_gradient} (first hidden layer, output layer), {@code mse_below},
 * {@code dead_share_above}, {@code saturated_share_above} (yes, no: the test on {@code value});
 * {@code model} names one of the step's models (as in experiment files, e.g. {@code "relu"} or
 * {@code "relu#2"}, or its position from 0); {@code lowest_mse} and {@code smaller_gradient} may
 * take {@code within} (a factor ≥ 1) and then one more answer, last: "about the same". A question
 * belongs on a step that loads its own experiment (or the first), so that the class sees the
 * whole run.
 *
 * <h2>Mistakes</h2>
 * A file that is not valid (strict) JSON, a missing field, a wrong type or a value out of range
 * gives a {@link LessonFormatException} naming the file and the field; {@link #load(Source)}
 * then skips that lesson with a warning and keeps the others. A field the loader does not know
 * is skipped with a warning naming it, as in experiment files.
 */
public final class LessonLoader {

    /** The resource folder of the bundled lessons. */
    public static final String BUNDLED_FOLDER = "org/activationlab/lessons/";
    public static final String INDEX = "index.json";
    public static final int MAX_STEPS = 20;
    public static final int MAX_TITLE = 60;
    public static final int MAX_SUMMARY = 160;
    public static final int MAX_TEXT = 480;
    public static final int MAX_WATCH = 320;
    public static final int MAX_QUESTION = 160;
    public static final int MAX_ANSWER = 80;

    private static final System.Logger LOG = System.getLogger(LessonLoader.class.getName());
    /** Far above the largest real lesson file. */
    static final long MAX_BYTES = 1L << 20;

    /** Where lesson files are read from. */
    public interface Source {
        /** Opens the file {@code name}, or returns null if there is none. */
        Reader open(String name) throws IOException;
    }

    private LessonLoader() {
    }

    /** The lessons bundled with the app. */
    public static Source bundled() {
        return name -> {
            InputStream in = LessonLoader.class.getClassLoader().getResourceAsStream(BUNDLED_FOLDER + name);
            return in == null ? null : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        };
    }

    /** Lessons in a folder (with its own {@code index.json}). */
    public static Source directory(Path folder) {
        return name -> {
            Path file = folder.resolve(name);
            if (!Files.exists(file)) {
                return null;
            }
            try {
                // A named pipe would block the app's start, /dev/zero never end: regular files only.
                InputFiles.checkRegular(file, MAX_BYTES, "a lesson");
                return Files.newBufferedReader(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                return null;
            } catch (InputFiles.InputFileException e) {
                throw new IOException(e.getMessage(), e);
            }
        };
    }

    /**
     * Every lesson the index lists, in its order. Never fails: a lesson that cannot be read is
     * left out, and why is in the catalogue's warnings (and the log).
     */
    public static LessonCatalogue load(Source source) {
        List<Lesson> lessons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> files;
        try {
            files = readIndex(source);
        } catch (LessonFormatException e) {
            warn(warnings, "No lessons: " + e.getMessage());
            return new LessonCatalogue(lessons, warnings);
        }
        for (String file : files) {
            List<String> notes = new ArrayList<>();
            try {
                lessons.add(read(source, file, notes));
                for (String note : notes) {
                    warn(warnings, file + ": " + note);
                }
            } catch (LessonFormatException e) {
                warn(warnings, "Lesson skipped: " + e.getMessage());
            } catch (RuntimeException e) {
                // A lesson folder may never stop the app: whatever went wrong, skip this lesson.
                warn(warnings, "Lesson skipped: " + file + ": cannot be used (" + Echo.of(String.valueOf(e))
                        + ")");
            }
        }
        return new LessonCatalogue(lessons, warnings);
    }

    private static void warn(List<String> warnings, String message) {
        warnings.add(message);
        LOG.log(System.Logger.Level.WARNING, message);
    }

    /** The lesson files the index lists. */
    public static List<String> readIndex(Source source) throws LessonFormatException {
        JsonFields index = fields(INDEX, parseJson(INDEX, open(source, INDEX)), "");
        JsonArray entries = array(INDEX, index, "lessons", 1, 100);
        List<String> notes = new ArrayList<>();
        index.reportUnknown(notes);
        notes.forEach(note -> LOG.log(System.Logger.Level.WARNING, INDEX + ": " + note));
        List<String> files = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonElement e = entries.get(i);
            String where = "lessons[" + i + "]";
            if (!(e.isJsonPrimitive() && e.getAsJsonPrimitive().isString())) {
                throw new LessonFormatException(INDEX, where, "must be a file name in quotes, got "
                        + JsonFields.describe(e));
            }
            String name = e.getAsString();
            if (!name.endsWith(".json") || name.contains("/") || name.contains("\\") || name.startsWith(".")
                    || name.equals(INDEX)) {
                throw new LessonFormatException(INDEX, where, "must be the name of a .json file in the "
                        + "same folder (no folders in it), got '" + Echo.of(name) + "'");
            }
            if (files.contains(name)) {
                throw new LessonFormatException(INDEX, where, "'" + Echo.of(name) + "' is listed twice");
            }
            files.add(name);
        }
        return files;
    }

    /** Reads and checks the lesson file {@code file} of {@code source}; notes go to the log. */
    public static Lesson read(Source source, String file) throws LessonFormatException {
        List<String> notes = new ArrayList<>();
        Lesson lesson = read(source, file, notes);
        notes.forEach(note -> LOG.log(System.Logger.Level.WARNING, file + ": " + note));
        return lesson;
    }

    private static Lesson read(Source source, String file, List<String> notes) throws LessonFormatException {
        return parse(file, parseJson(file, open(source, file)), notes);
    }

    /** Parses lesson text (for tests and for checking a file before adding it); notes go to the log. */
    public static Lesson parse(String file, String json) throws LessonFormatException {
        List<String> notes = new ArrayList<>();
        Lesson lesson = parse(file, json, notes);
        notes.forEach(note -> LOG.log(System.Logger.Level.WARNING, file + ": " + note));
        return lesson;
    }

    /** Parses lesson text; what was skipped or read under an old name goes to {@code notes}. */
    public static Lesson parse(String file, String json, List<String> notes) throws LessonFormatException {
        return parse(file, parseText(file, json), notes);
    }

    private static Reader open(Source source, String file) throws LessonFormatException {
        try {
            Reader reader = source.open(file);
            if (reader == null) {
                throw new LessonFormatException(file, null, "file not found");
            }
            return reader;
        } catch (IOException e) {
            throw new LessonFormatException(file, null, "cannot be read: " + Echo.of(e.getMessage()));
        }
    }

    private static JsonElement parseJson(String file, Reader in) throws LessonFormatException {
        StringBuilder text = new StringBuilder();
        try (Reader reader = in) {
            char[] buffer = new char[8192];
            int n;
            while ((n = reader.read(buffer)) > 0) {
                text.append(buffer, 0, n);
                if (text.length() > MAX_BYTES) {
                    throw new LessonFormatException(file, null, "is too large for a lesson (more than "
                            + (MAX_BYTES >> 20) + " MB)");
                }
            }
        } catch (IOException e) {
            throw new LessonFormatException(file, null, "cannot be read: " + Echo.of(e.getMessage()));
        }
        return parseText(file, text.toString());
    }

    private static JsonElement parseText(String file, String text) throws LessonFormatException {
        try {
            return StrictJson.parse(text);
        } catch (StrictJson.SyntaxException e) {
            throw new LessonFormatException(file, null, e.getMessage());
        }
    }

    private static JsonFields fields(String file, JsonElement element, String path) throws LessonFormatException {
        try {
            return JsonFields.of(element, path);
        } catch (ExperimentFileException e) {
            throw LessonFormatException.of(file, e);
        }
    }

    private static JsonArray array(String file, JsonFields f, String name, int min, int max)
            throws LessonFormatException {
        JsonArray a;
        try {
            a = f.array(name);
        } catch (ExperimentFileException e) {
            throw LessonFormatException.of(file, e);
        }
        if (a == null) {
            throw new LessonFormatException(file, f.name(name), "missing");
        }
        if (a.size() < min || a.size() > max) {
            throw new LessonFormatException(file, f.name(name), "must list " + min + "–" + max
                    + " entries, got " + a.size());
        }
        return a;
    }

    /** A text that must be there (unless {@code optional}), not blank, at most {@code maxLength}. */
    private static String text(String file, JsonFields f, String name, int maxLength, boolean optional)
            throws LessonFormatException {
        String s;
        try {
            s = f.string(name, null);
        } catch (ExperimentFileException e) {
            throw LessonFormatException.of(file, e);
        }
        if (s == null) {
            if (optional) {
                return null;
            }
            throw new LessonFormatException(file, f.name(name), "missing (a text is required here)");
        }
        s = s.strip();
        if (s.isEmpty()) {
            throw new LessonFormatException(file, f.name(name), "must not be empty");
        }
        if (s.length() > maxLength) {
            throw new LessonFormatException(file, f.name(name), "too long: " + s.length()
                    + " characters, at most " + maxLength + " (the lesson strip shows a few lines)");
        }
        return s;
    }

    private static Lesson parse(String file, JsonElement root, List<String> notes) throws LessonFormatException {
        JsonFields lesson = fields(file, root, "");
        String title = text(file, lesson, "title", MAX_TITLE, false);
        String summary = text(file, lesson, "summary", MAX_SUMMARY, false);
        ExperimentFile.Contents settings = ExperimentFile.Contents.of(ExperimentConfig.classic());
        settings = config(file, lesson, "config", settings, notes);
        JsonArray stepArray = array(file, lesson, "steps", 1, MAX_STEPS);
        List<LessonStep> steps = new ArrayList<>();
        Set<String> stepTitles = new HashSet<>();
        for (int i = 0; i < stepArray.size(); i++) {
            JsonFields step = fields(file, stepArray.get(i), "steps[" + i + "]");
            String stepTitle = text(file, step, "title", MAX_TITLE, false);
            if (!stepTitles.add(stepTitle)) {
                throw new LessonFormatException(file, step.name("title"), "'" + stepTitle
                        + "' is the title of an earlier step too");
            }
            String text = text(file, step, "text", MAX_TEXT, false);
            String watch = text(file, step, "watch", MAX_WATCH, false);
            String tab = text(file, step, "tab", MAX_TITLE, true);
            String panel = text(file, step, "panel", MAX_TITLE, true);
            if (panel != null && !Lesson.PANELS.contains(panel)) {
                throw new LessonFormatException(file, step.name("panel"), "unknown panel '" + panel
                        + "' (choose from " + String.join(", ", Lesson.PANELS) + ")");
            }
            settings = config(file, step, "config", settings, notes);
            LessonQuestion question = question(file, step, settings, notes);
            step.reportUnknown(notes);
            steps.add(new LessonStep(stepTitle, text, watch, settings, tab, panel, question));
        }
        lesson.reportUnknown(notes);
        return new Lesson(file, title, summary, steps);
    }

    /** The step's {@code question}, checked against the step's own models, or null if it has none. */
    private static LessonQuestion question(String file, JsonFields step, ExperimentFile.Contents settings,
                                           List<String> notes) throws LessonFormatException {
        if (step.get("question") == null) {
            return null;
        }
        JsonFields q = fields(file, step.get("question"), step.name("question"));
        String text = text(file, q, "text", MAX_QUESTION, false);
        JsonArray answerArray = array(file, q, "answers", LessonQuestion.MIN_ANSWERS, LessonQuestion.MAX_ANSWERS);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < answerArray.size(); i++) {
            JsonElement e = answerArray.get(i);
            String where = q.name("answers") + "[" + i + "]";
            if (!(e.isJsonPrimitive() && e.getAsJsonPrimitive().isString())) {
                throw new LessonFormatException(file, where, "must be a text in quotes, got " + JsonFields.describe(e));
            }
            String answer = e.getAsString().strip();
            if (answer.isEmpty()) {
                throw new LessonFormatException(file, where, "must not be empty");
            }
            if (answer.length() > MAX_ANSWER) {
                throw new LessonFormatException(file, where, "too long: " + answer.length()
                        + " characters, at most " + MAX_ANSWER + " (answers are shown as large buttons)");
            }
            if (answers.contains(answer)) {
                throw new LessonFormatException(file, where, "'" + Echo.of(answer) + "' is listed twice");
            }
            answers.add(answer);
        }
        JsonElement revealElement = q.get("reveal");
        if (revealElement == null) {
            throw new LessonFormatException(file, q.name("reveal"), "missing (the rule that decides which answer "
                    + "came true; one of " + RevealRule.Kind.choices() + ")");
        }
        JsonFields reveal = fields(file, revealElement, q.name("reveal"));
        RevealRule rule = rule(file, reveal, settings.config().modelNames());
        reveal.reportUnknown(notes);
        int needed = rule.answerCount(settings.config().models().size());
        if (answers.size() != needed) {
            throw new LessonFormatException(file, q.name("answers"), "the rule " + rule.kind().fileName()
                    + " needs " + needed + " answers here (" + answersMeaning(rule, settings.config().modelNames())
                    + "), got " + answers.size());
        }
        String expected = text(file, q, "expected", MAX_ANSWER, false);
        int expectedIndex = answers.indexOf(expected);
        if (expectedIndex < 0) {
            throw new LessonFormatException(file, q.name("expected"), "'" + Echo.of(expected)
                    + "' is not one of the answers (write it exactly as in answers)");
        }
        q.reportUnknown(notes);
        return new LessonQuestion(text, answers, rule, expectedIndex);
    }

    private static RevealRule rule(String file, JsonFields reveal, List<String> modelNames)
            throws LessonFormatException {
        try {
            String name = reveal.string("rule", null);
            if (name == null) {
                throw new LessonFormatException(file, reveal.name("rule"), "missing (choose from "
                        + RevealRule.Kind.choices() + ")");
            }
            RevealRule.Kind kind = RevealRule.Kind.named(name);
            if (kind == null) {
                throw new LessonFormatException(file, reveal.name("rule"), "unknown rule '" + Echo.of(name)
                        + "' (choose from " + RevealRule.Kind.choices() + ")");
            }
            int model = 0;
            if (kind != RevealRule.Kind.LOWEST_MSE) {
                model = model(file, reveal, modelNames);
            } else if (reveal.has("model")) {
                throw new LessonFormatException(file, reveal.name("model"), "not used by " + kind.fileName()
                        + " (it compares every model)");
            }
            double value = Double.NaN;
            if (kind.hasThreshold()) {
                if (!reveal.has("value")) {
                    throw new LessonFormatException(file, reveal.name("value"), "missing (" + kind.fileName()
                            + " compares against it)");
                }
                value = reveal.number("value", Double.NaN);
                boolean share = kind != RevealRule.Kind.MSE_BELOW;
                if (share ? !(value > 0 && value < 1) : !(value > 0)) {
                    throw new LessonFormatException(file, reveal.name("value"), share
                            ? "must be a share between 0 and 1 (exclusive), got " + value
                            : "must be above 0, got " + value);
                }
            } else if (reveal.has("value")) {
                throw new LessonFormatException(file, reveal.name("value"), "not used by " + kind.fileName());
            }
            double within = Double.NaN;
            if (reveal.has("within")) {
                if (!kind.allowsWithin()) {
                    throw new LessonFormatException(file, reveal.name("within"), "only " + RevealRule.Kind.LOWEST_MSE
                            .fileName() + " and " + RevealRule.Kind.SMALLER_GRADIENT.fileName() + " have an 'about "
                            + "the same' answer");
                }
                within = reveal.number("within", Double.NaN);
                if (!(within >= 1 && within <= 1e6)) {
                    throw new LessonFormatException(file, reveal.name("within"), "must be a factor from 1 to 1e6, got "
                            + within);
                }
            }
            return new RevealRule(kind, model, value, within);
        } catch (ExperimentFileException e) {
            throw LessonFormatException.of(file, e);
        }
    }

    /** The model a rule looks at: a name of the step's models or its position from 0. */
    private static int model(String file, JsonFields reveal, List<String> modelNames)
            throws LessonFormatException, ExperimentFileException {
        JsonElement e = reveal.get("model");
        String choices = "one of the step's models: " + String.join(", ", modelNames) + ", or 0–"
                + (modelNames.size() - 1);
        if (e == null) {
            throw new LessonFormatException(file, reveal.name("model"), "missing (" + choices + ")");
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            int i = modelNames.indexOf(e.getAsString());
            if (i < 0) {
                throw new LessonFormatException(file, reveal.name("model"), "'" + Echo.of(e.getAsString())
                        + "' is not " + choices);
            }
            return i;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            return reveal.integer("model", 0, 0, modelNames.size() - 1);
        }
        throw new LessonFormatException(file, reveal.name("model"), "must be " + choices + ", got "
                + JsonFields.describe(e));
    }

    /** What the answers of a rule stand for, in order. */
    private static String answersMeaning(RevealRule rule, List<String> modelNames) {
        String same = rule.hasAboutTheSame() ? ", about the same" : "";
        return switch (rule.kind()) {
            case LOWEST_MSE -> "one per model: " + String.join(", ", modelNames) + same;
            case SMALLER_GRADIENT -> "first layer, output layer" + same;
            default -> "yes, no";
        };
    }

    /** {@code base} changed by the {@code config} of {@code owner}, if it has one. */
    private static ExperimentFile.Contents config(String file, JsonFields owner, String name,
                                                  ExperimentFile.Contents base, List<String> notes)
            throws LessonFormatException {
        JsonElement e = owner.get(name);
        if (e == null) {
            return base;
        }
        String path = owner.name(name);
        try {
            JsonFields config = JsonFields.of(e.isJsonObject() ? modernize(e.getAsJsonObject(), path, notes) : e, path);
            ExperimentFile.Contents contents = ExperimentFile.readChanges(config, base, notes);
            config.reportUnknown(notes);
            return contents;
        } catch (ExperimentFileException ex) {
            throw LessonFormatException.of(file, ex);
        }
    }

    /**
     * A config in the file vocabulary: the flat names of older lesson files ({@code learningRate},
     * {@code depth}, {@code "optimizer": "sgd"}) moved to their place ({@code optimizer.learning_rate},
     * {@code network.depth}, {@code optimizer.kind}), each with a note.
     */
    static JsonObject modernize(JsonObject config, String path, List<String> notes) {
        JsonObject result = new JsonObject();
        for (Map.Entry<String, JsonElement> entry : config.entrySet()) {
            Setting old = oldName(entry.getKey(), entry.getValue());
            if (old == null) {
                merge(result, entry.getKey(), entry.getValue());
                continue;
            }
            notes.add(path + "." + entry.getKey() + " is an old name: read as " + path + "." + old.path()
                    + " (write that in new lesson files)");
            if (old.section().isEmpty()) {
                merge(result, old.key(), entry.getValue());
            } else {
                JsonObject section = new JsonObject();
                section.add(old.key(), entry.getValue());
                merge(result, old.section(), section);
            }
        }
        return result;
    }

    /** The setting an older lesson file meant by {@code key}, or null if it is a current name. */
    private static Setting oldName(String key, JsonElement value) {
        for (Setting s : Setting.values()) {
            if (s.section() == null || s.section().equals("models[]")) {
                continue;
            }
            if (key.equals(s.oldKey().orElse(null))) {
                // "optimizer": {...} is the current section, "optimizer": "sgd" the old kind.
                if (key.equals(s.section()) && !(value instanceof JsonPrimitive)) {
                    return null;
                }
                return s;
            }
            if (!s.section().isEmpty() && key.equals(s.key()) && !key.equals("kind")) {
                return s;
            }
        }
        return null;
    }

    private static void merge(JsonObject into, String key, JsonElement value) {
        JsonElement existing = into.get(key);
        if (existing != null && existing.isJsonObject() && value.isJsonObject()) {
            for (Map.Entry<String, JsonElement> member : value.getAsJsonObject().entrySet()) {
                existing.getAsJsonObject().add(member.getKey(), member.getValue());
            }
        } else {
            into.add(key, value);
        }
    }
}
