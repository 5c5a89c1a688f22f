package org.activationlab.training.lesson;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 *       "config": { "biasInit": -1 }  (optional: changes for this step and the steps after it)
 *     } ]
 * }
 * }</pre>
 *
 * <h2>Config</h2>
 * Every field is optional; the lesson's {@code config} changes the classic experiment
 * ({@link LessonSettings#classic()}), and each step's {@code config} changes the settings of the
 * step before it, so a change carries on to later steps. When a step's settings differ from the
 * running experiment's, the app loads them (training restarts at epoch 0, paused).
 * <table>
 *   <caption>Config fields</caption>
 *   <tr><td>target</td><td>sin, abs, square, square_wave, sawtooth, step, x_sin_x, gaussian</td></tr>
 *   <tr><td>points</td><td>training points, 2–100000</td></tr>
 *   <tr><td>noise</td><td>standard deviation of noise on the targets, 0–10</td></tr>
 *   <tr><td>models</td><td>1–16 activation ids, e.g. ["sigmoid", "relu"]; the first is the one
 *       the number keys switch</td></tr>
 *   <tr><td>depth, width</td><td>hidden layers 1–8, units per layer 1–512</td></tr>
 *   <tr><td>init, initScale, biasInit</td><td>glorot, he, lecun or pytorch; factor (0, 100];
 *       starting bias [−100, 100]</td></tr>
 *   <tr><td>optimizer, learningRate</td><td>sgd, momentum, nesterov, rmsprop or adam;
 *       [1e-7, 10] (a new optimizer without a learningRate gets its default)</td></tr>
 *   <tr><td>batchSize, seed</td><td>1–1024; any whole number</td></tr>
 *   <tr><td>epochs, speed</td><td>epoch limit 0–1000000 (0: none); epochs per second
 *       (0, 1000] or "max"</td></tr>
 * </table>
 *
 * <h2>Mistakes</h2>
 * A file that is not valid JSON, a missing or unknown field, a wrong type or a value out of range
 * gives a {@link LessonFormatException} naming the file and the field; {@link #load(Source)}
 * then skips that lesson with a warning and keeps the others.
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

    private static final System.Logger LOG = System.getLogger(LessonLoader.class.getName());
    private static final TypeAdapter<JsonElement> JSON = new Gson().getAdapter(JsonElement.class);
    private static final Set<String> LESSON_FIELDS = Set.of("title", "summary", "config", "steps");
    private static final Set<String> STEP_FIELDS = Set.of("title", "text", "watch", "tab", "panel", "config");

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
            try {
                return Files.newBufferedReader(folder.resolve(name), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                return null;
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
            try {
                lessons.add(read(source, file));
            } catch (LessonFormatException e) {
                warn(warnings, "Lesson skipped: " + e.getMessage());
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
        JsonFields index = new JsonFields(INDEX, "", parseJson(INDEX, open(source, INDEX)), Set.of("lessons"));
        JsonArray entries = index.array("lessons", 1, 100);
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
                        + "same folder (no folders in it), got '" + name + "'");
            }
            if (files.contains(name)) {
                throw new LessonFormatException(INDEX, where, "'" + name + "' is listed twice");
            }
            files.add(name);
        }
        return files;
    }

    /** Reads and checks the lesson file {@code file} of {@code source}. */
    public static Lesson read(Source source, String file) throws LessonFormatException {
        return parse(file, parseJson(file, open(source, file)));
    }

    /** Parses lesson text (for tests and for checking a file before adding it). */
    public static Lesson parse(String file, String json) throws LessonFormatException {
        return parse(file, parseJson(file, new StringReader(json)));
    }

    private static Reader open(Source source, String file) throws LessonFormatException {
        try {
            Reader reader = source.open(file);
            if (reader == null) {
                throw new LessonFormatException(file, null, "file not found");
            }
            return reader;
        } catch (IOException e) {
            throw new LessonFormatException(file, null, "cannot be read: " + e.getMessage());
        }
    }

    private static JsonElement parseJson(String file, Reader in) throws LessonFormatException {
        try (Reader reader = in; JsonReader json = new JsonReader(reader)) {
            json.setStrictness(Strictness.STRICT);
            JsonElement root = JSON.read(json);
            if (json.peek() != JsonToken.END_DOCUMENT) {
                throw new LessonFormatException(file, null, "is not valid JSON: more text after the end "
                        + "of the top-level object (" + json.getPath() + ")");
            }
            return root;
        } catch (IOException | IllegalStateException | com.google.gson.JsonParseException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int see = message.indexOf("\nSee ");
            message = (see < 0 ? message : message.substring(0, see)).replace(
                    "Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON",
                    "unexpected text (names and texts need double quotes; no comments, nothing after the end)");
            throw new LessonFormatException(file, null, "is not valid JSON: " + message);
        }
    }

    private static Lesson parse(String file, JsonElement root) throws LessonFormatException {
        JsonFields lesson = new JsonFields(file, "", root, LESSON_FIELDS);
        String title = lesson.text("title", MAX_TITLE);
        String summary = lesson.text("summary", MAX_SUMMARY);
        LessonSettings settings = LessonSettings.classic();
        if (lesson.has("config")) {
            settings = SettingsReader.read(new JsonFields(file, "config", lesson.get("config"),
                    SettingsReader.FIELDS), settings);
        }
        JsonArray stepArray = lesson.array("steps", 1, MAX_STEPS);
        List<LessonStep> steps = new ArrayList<>();
        Set<String> stepTitles = new HashSet<>();
        for (int i = 0; i < stepArray.size(); i++) {
            String path = "steps[" + i + "]";
            JsonFields step = new JsonFields(file, path, stepArray.get(i), STEP_FIELDS);
            String stepTitle = step.text("title", MAX_TITLE);
            if (!stepTitles.add(stepTitle)) {
                throw step.error("title", "'" + stepTitle + "' is the title of an earlier step too");
            }
            String text = step.text("text", MAX_TEXT);
            String watch = step.text("watch", MAX_WATCH);
            String tab = step.optionalText("tab", MAX_TITLE);
            String panel = step.optionalText("panel", MAX_TITLE);
            if (panel != null && !Lesson.PANELS.contains(panel)) {
                throw step.error("panel", "unknown panel '" + panel + "' (choose from "
                        + String.join(", ", Lesson.PANELS) + ")");
            }
            if (step.has("config")) {
                settings = SettingsReader.read(new JsonFields(file, path + ".config", step.get("config"),
                        SettingsReader.FIELDS), settings);
            }
            steps.add(new LessonStep(stepTitle, text, watch, settings, tab, panel));
        }
        return new Lesson(file, title, summary, steps);
    }
}
