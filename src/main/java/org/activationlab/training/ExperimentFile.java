package org.activationlab.training;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import org.activationlab.engine.InputFiles;
import org.activationlab.engine.Setting;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Experiment files: every setting of an experiment as JSON, so that a class can be prepared at
 * home, shared, and reproduced (the engine is deterministic, so the same file trains to the same
 * losses bit for bit).
 *
 * <pre>{@code
 * {
 *   "format": "activation-lab-experiment",  "version": 1,
 *   "lesson": null,                          // the lesson the experiment belongs to, if any
 *   "data": {"kind": "generated", "target": "sin", "points": 1000,
 *            "x_min": -6.28…, "x_max": 6.28…, "noise": 0.0},     // + "noise_seed" if noisy
 *        or {"kind": "points", "description": "…", "x": [...], "y": [...]},
 *   "network": {"depth": 2, "width": 64, "initializer": "glorot", "init_scale": 1.0, "bias_init": 0.0},
 *   "models": [{"activation": "relu"}, {"activation": "leaky_relu", "slope": 0.2},
 *              {"activation": "elu", "alpha": 1.0}, {"activation": "gelu", "approximation": "tanh"}],
 *   "optimizer": {"kind": "adam", "learning_rate": 0.001, "momentum": 0.9, "beta1": 0.9,
 *                 "beta2": 0.999, "rho": 0.9, "epsilon": 1e-7},
 *   "batch_size": 32, "seed": 42, "epoch_limit": 100,
 *   "speed": 20.0,                           // epochs per second, or "max"
 *   "switch_mode": "restart"                 // or "keep_weights"
 * }
 * }</pre>
 *
 * <p>The text must be strict JSON ({@link StrictJson}: no comments, NaN or single quotes). Reading
 * is forgiving where it can be and strict where it must be: a setting that is missing
 * takes the classic experiment's value; a field this version does not know, or a file of a newer
 * version, opens with a warning saying what was skipped; a file that is not JSON, is cut short,
 * or holds a value out of range is refused with an {@link ExperimentFileException} naming the
 * field and the value. Writing is atomic ({@link AtomicOutput}).
 */
public final class ExperimentFile {

    public static final String FORMAT = "activation-lab-experiment";
    public static final int VERSION = 1;
    /** Far above the largest real file (100 000 points are about 4 MB). */
    static final long MAX_BYTES = 64L << 20;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls()
            .disableHtmlEscaping().create();

    private ExperimentFile() {
    }

    /**
     * What a file holds: the experiment and the session settings around it.
     *
     * @param epochsPerSecond training speed; {@code Infinity} is "Max"
     * @param switchMode      what a switched model does with its weights
     * @param lessonId        the lesson the experiment belongs to, or null
     */
    public record Contents(ExperimentConfig config, double epochsPerSecond, SwitchMode switchMode,
                           String lessonId) {
        public Contents {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(switchMode, "switchMode");
            if (!Double.isInfinite(epochsPerSecond) || epochsPerSecond < 0) {
                Setting.SPEED.check(epochsPerSecond);
            }
        }

        /** The experiment at the default speed, restarting on switch, in no lesson. */
        public static Contents of(ExperimentConfig config) {
            return new Contents(config, Setting.SPEED.defaultValue(), SwitchMode.RESTART, null);
        }
    }

    /** An opened file: what it holds, and what was skipped (for the user). */
    public record Opened(Contents contents, List<String> warnings) {
        public Opened {
            warnings = List.copyOf(warnings);
        }

        public ExperimentConfig config() {
            return contents.config();
        }
    }

    /** The file's text. */
    public static String toJson(Contents contents) {
        return GSON.toJson(ExperimentJson.write(contents)) + "\n";
    }

    /**
     * Writes the file atomically: the old file stays as it was if anything fails.
     *
     * @throws AtomicOutput.OutputFileException naming the file and the reason
     */
    public static void write(Path file, Contents contents) {
        String text = toJson(contents);
        try (AtomicOutput out = AtomicOutput.open(file, file.toString())) {
            out.println(text.stripTrailing());
            out.commit();
        }
    }

    /**
     * The settings that {@code changes} gives, over {@code base}: a partial experiment in the file
     * vocabulary, as a lesson's {@code config} is. What was skipped goes to {@code warnings}.
     */
    public static Contents readChanges(JsonFields changes, Contents base, List<String> warnings)
            throws ExperimentFileException {
        return ExperimentJson.read(changes, base, warnings);
    }

    /** Reads an experiment from its text. */
    public static Opened fromJson(String text) throws ExperimentFileException {
        JsonElement root;
        try {
            root = StrictJson.parse(text);
        } catch (StrictJson.SyntaxException e) {
            throw new ExperimentFileException(e.getMessage(), e);
        }
        return ExperimentJson.read(root);
    }

    /**
     * Reads an experiment file.
     *
     * @throws ExperimentFileException for a file that cannot be read or used; the message says why
     *                                 (without the file's name, which the caller adds)
     */
    public static Opened read(Path file) throws ExperimentFileException {
        byte[] bytes;
        try {
            bytes = InputFiles.readAllBytes(file, MAX_BYTES, "an experiment");
        } catch (InputFiles.InputFileException e) {
            throw new ExperimentFileException(e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ExperimentFileException("not a text file (not UTF-8): the file is damaged or of another kind", e);
        }
        return fromJson(text);
    }
}
