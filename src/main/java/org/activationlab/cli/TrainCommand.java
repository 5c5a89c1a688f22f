package org.activationlab.cli;

import org.activationlab.engine.Activation;
import org.activationlab.engine.Activations;
import org.activationlab.engine.CsvDatasetReader;
import org.activationlab.engine.DataFileException;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.Echo;
import org.activationlab.engine.Setting;
import org.activationlab.engine.Initializer;
import org.activationlab.engine.ModelRun;
import org.activationlab.engine.ModelStats;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.OptimizerKind;
import org.activationlab.engine.OptimizerSpec;
import org.activationlab.engine.TargetFunction;
import org.activationlab.training.AtomicOutput;
import org.activationlab.training.ExperimentCode;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.ExperimentFile;
import org.activationlab.training.MseFormat;
import org.activationlab.training.RunExport;
import org.activationlab.training.TrainingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code train}: trains the models of one experiment headless through the app's own
 * {@link TrainingSession} (every model measured after every epoch), prints Keras-like progress and one {@code final <model> mse=<value>}
 * line per model. Deterministic for a seed.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        versionProvider = ActivationLabCommand.VersionProvider.class, sortOptions = false,
        defaultValueProvider = SettingOptions.Defaults.class,
        resourceBundle = "org.activationlab.cli.SettingOptions$Help",
        description = {"Train a model with an activation against models without (or with others), "
                + "headless, and print the mean squared error of each.",
                "Ends with one line per model: final <model> mse=<value>."},
        footer = {"", "Exit codes: 0 success, 2 bad input, 3 a model diverged (NaN or infinite loss)."})
public final class TrainCommand implements Callable<Integer> {

    static final int MAX_EPOCHS = Setting.EPOCHS.maxInt();

    @Spec
    CommandSpec spec;

    @Option(names = "--activation", defaultValue = "relu", paramLabel = "ID",
            description = "Hidden activation of the first model (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--compare", defaultValue = "linear", paramLabel = "ID[,ID...]",
            description = "Activations of the models to compare with, comma-separated, "
                    + "or 'none' (default: ${DEFAULT-VALUE}).")
    String compare;

    // The options of experiment settings take their default and description from the table.
    @Option(names = "--epochs", paramLabel = "N", descriptionKey = "EPOCHS")
    int epochs;

    @Option(names = "--seed", paramLabel = "N", descriptionKey = "SEED")
    long seed;

    @Option(names = "--lr", paramLabel = "RATE", descriptionKey = "LEARNING_RATE")
    Double learningRate;

    @Option(names = "--batch", paramLabel = "N", descriptionKey = "BATCH_SIZE")
    int batch;

    @Option(names = "--width", paramLabel = "N", descriptionKey = "WIDTH")
    int width;

    @Option(names = "--depth", paramLabel = "N", descriptionKey = "DEPTH")
    int depth;

    @Option(names = "--optimizer", paramLabel = "NAME", descriptionKey = "OPTIMIZER")
    String optimizer;

    @Option(names = "--init", paramLabel = "NAME", descriptionKey = "INITIALIZER")
    String init;

    @Option(names = "--init-scale", paramLabel = "FACTOR", descriptionKey = "INIT_SCALE")
    double initScale;

    @Option(names = "--bias-init", paramLabel = "B", descriptionKey = "BIAS_INIT")
    double biasInit;

    @Option(names = "--target", paramLabel = "ID", descriptionKey = "TARGET")
    String target;

    @Option(names = "--noise", paramLabel = "SD", descriptionKey = "NOISE")
    double noise;

    @Option(names = "--points", paramLabel = "N", descriptionKey = "POINTS")
    int points;

    @Option(names = "--data", paramLabel = "FILE.csv",
            description = "Train on x,y pairs from a CSV file instead of a target function.")
    Path data;

    @Option(names = "--csv", paramLabel = "OUT.csv",
            description = "Write per-epoch statistics from epoch 0, as the app's File > Export does: "
                    + "epoch,model,activation,model_epoch,measured,train_loss,mse,"
                    + "grad_norm_1..grad_norm_L,dead_fraction.")
    Path csv;

    @Option(names = "--predictions", paramLabel = "OUT.csv",
            description = "Write x,target and each model's prediction after the last epoch.")
    Path predictions;

    @Option(names = "--open", paramLabel = "FILE.json",
            description = "Train the experiment saved in FILE (the app's File > Save, or "
                    + "--save-experiment). Options given as well override its settings; --epochs "
                    + "defaults to the file's epoch limit.")
    Path open;

    @Option(names = "--save-experiment", paramLabel = "OUT.json",
            description = "Write this run's experiment as a file that the app's File > Open and "
                    + "--open read (the epoch limit is --epochs).")
    Path saveExperiment;

    @Option(names = "--emit", paramLabel = "FRAMEWORK",
            description = "Print the experiment as a runnable keras or pytorch script instead of "
                    + "training it (same data, shape, activations, initialiser, optimizer, batch, "
                    + "epochs and seed).")
    String emit;

    @Option(names = {"-q", "--quiet"},
            description = "Print only the final lines (and divergence warnings).")
    boolean quiet;

    @Override
    public Integer call() throws DataFileException {
        ExperimentFile.Opened opened = open == null ? null : OpenedExperiment.read(open);
        ExperimentConfig config = toConfig();
        if (opened != null) {
            if (!given("--epochs")) {
                int limit = opened.config().epochLimit();
                epochs = limit > 0 ? Math.min(limit, MAX_EPOCHS) : Setting.EPOCHS.defaultInt();
            }
            config = OpenedExperiment.merge(opened.config(), config, givenOptions(), epochs);
            for (String warning : opened.warnings()) {
                spec.commandLine().getErr().println("warning: " + open + ": " + warning);
            }
        }
        if (emit != null) {
            return emitScript(config);
        }
        checkNotInput(csv, "--csv", data, "--data");
        checkNotInput(predictions, "--predictions", data, "--data");
        checkNotInput(saveExperiment, "--save-experiment", data, "--data");
        checkNotInput(csv, "--csv", open, "--open");
        checkNotInput(predictions, "--predictions", open, "--open");
        // --open X --save-experiment X re-saves the experiment: legal, and atomic.
        checkDistinct(csv, "--csv", predictions, "--predictions");
        checkDistinct(csv, "--csv", saveExperiment, "--save-experiment");
        checkDistinct(predictions, "--predictions", saveExperiment, "--save-experiment");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (AtomicOutput csvOut = csv == null ? null : AtomicOutput.open(csv, "--csv " + csv);
             AtomicOutput predictionsOut = predictions == null ? null
                     : AtomicOutput.open(predictions, "--predictions " + predictions);
             AtomicOutput experimentOut = saveExperiment == null ? null
                     : AtomicOutput.open(saveExperiment, "--save-experiment " + saveExperiment)) {
            boolean diverged = train(config, out, err, csvOut, predictionsOut);
            for (AtomicOutput file : new AtomicOutput[] {csvOut, predictionsOut}) {
                if (file != null) {
                    file.commit();
                }
            }
            if (experimentOut != null) {
                ExperimentFile.Contents saved = opened == null ? ExperimentFile.Contents.of(config)
                        : new ExperimentFile.Contents(config, opened.contents().epochsPerSecond(),
                                opened.contents().switchMode(), opened.contents().lessonId());
                experimentOut.println(ExperimentFile.toJson(saved).stripTrailing());
                experimentOut.commit();
            }
            return diverged ? ActivationLabCommand.EXIT_DIVERGED : ActivationLabCommand.EXIT_OK;
        }
    }

    /** {@code --emit}: the script on standard output; nothing is trained or written. */
    private int emitScript(ExperimentConfig config) {
        ExperimentCode.Framework framework = ExperimentCode.Framework.byId(emit).orElseThrow(() ->
                new CliException("unknown --emit '" + emit.strip() + "' (choose from keras, pytorch)"));
        for (String option : List.of("--csv", "--predictions", "--save-experiment")) {
            if (given(option)) {
                throw new CliException("--emit prints a script and trains nothing, so it cannot be "
                        + "combined with " + option);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(ExperimentCode.script(framework, config, epochs));
        out.flush();
        return ActivationLabCommand.EXIT_OK;
    }

    /** Checks every option and builds the experiment (the epoch count stays on this command). */
    ExperimentConfig toConfig() throws DataFileException {
        SettingOptions.check(Setting.EPOCHS, epochs);
        SettingOptions.check(Setting.BATCH_SIZE, batch);
        SettingOptions.check(Setting.WIDTH, width);
        SettingOptions.check(Setting.DEPTH, depth);
        SettingOptions.check(Setting.INIT_SCALE, initScale);
        SettingOptions.check(Setting.BIAS_INIT, biasInit);
        OptimizerKind kind = OptimizerKind.byId(optimizer).orElseThrow(() -> new CliException(
                "unknown optimizer '" + Echo.of(optimizer) + "' (choose from " + optimizerIds() + ")"));
        double lr = SettingOptions.check(Setting.LEARNING_RATE,
                learningRate == null ? kind.defaultLearningRate() : learningRate);
        Initializer initializer = Initializer.byId(init).orElseThrow(() -> new CliException(
                "unknown initializer '" + Echo.of(init) + "' (choose from " + initializerIds() + ")"));
        List<Activation> models = new ArrayList<>();
        models.add(activation(activation, ""));
        models.addAll(compared());
        if (models.size() > ExperimentConfig.MAX_MODELS) {
            throw new CliException("at most " + ExperimentConfig.MAX_MODELS
                    + " models: --compare lists " + (models.size() - 1));
        }
        Dataset dataset = dataset();
        NetworkSpec network = new NetworkSpec(depth, width, models.get(0), initializer, initScale, biasInit);
        return new ExperimentConfig(dataset, network, models, OptimizerSpec.of(kind, lr), batch, seed,
                epochs);
    }

    private List<Activation> compared() {
        if (compare.strip().equalsIgnoreCase("none")) {
            return List.of();
        }
        List<Activation> list = new ArrayList<>();
        for (String id : compare.split(",", -1)) {
            if (id.isBlank()) {
                throw new CliException("--compare has an empty entry in '" + Echo.of(compare) + "'");
            }
            if (id.strip().equalsIgnoreCase("none")) {
                throw new CliException("--compare none means no other model and cannot be combined "
                        + "with activations (use linear for a model without activation)");
            }
            list.add(activation(id, " in --compare"));
        }
        return list;
    }

    private static Activation activation(String id, String where) {
        return Activations.byId(id).orElseThrow(() -> new CliException("unknown activation '"
                + Echo.of(id.strip()) + "'" + where + " (choose from " + Activations.ids() + ")"));
    }

    private Dataset dataset() throws DataFileException {
        if (data != null) {
            List<String> recipe = new ArrayList<>();
            for (String option : List.of("--target", "--noise", "--points")) {
                if (given(option)) {
                    recipe.add(option);
                }
            }
            if (!recipe.isEmpty()) {
                throw new CliException("--data cannot be combined with " + String.join(", ", recipe)
                        + " (they describe generated data)");
            }
            return CsvDatasetReader.read(data);
        }
        TargetFunction function = TargetFunction.byId(target).orElseThrow(() -> new CliException(
                "unknown target '" + Echo.of(target) + "' (choose from " + TargetFunction.ids() + ")"));
        SettingOptions.check(Setting.POINTS, points);
        SettingOptions.check(Setting.NOISE, noise);
        return Dataset.generate(function, points, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X, noise, seed);
    }

    /**
     * Trains every model for {@link #epochs} epochs in lockstep.
     *
     * @return true if any model diverged
     */
    private boolean train(ExperimentConfig config, PrintWriter out, PrintWriter err,
                          AtomicOutput csvOut, AtomicOutput predictionsOut) {
        List<String> names = config.modelNames();
        TrainingSession session = TrainingSession.build(config.withEpochLimit(epochs));
        if (!quiet) {
            out.println(description(config, names));
            out.flush();
        }
        int every = epochs <= 20 ? 1 : (epochs + 9) / 10;
        int models = session.modelCount();
        ModelStats[] last = new ModelStats[models];
        boolean[] reported = new boolean[models];
        boolean anyDiverged = false;
        for (int epoch = 1; epoch <= epochs && session.canTrain(); epoch++) {
            session.trainEpoch();
            boolean divergedNow = false;
            for (int i = 0; i < models; i++) {
                ModelStats stats = session.model(i).stats();
                last[i] = stats;
                if (stats.diverged() && !reported[i]) {
                    reported[i] = true;
                    divergedNow = true;
                    anyDiverged = true;
                    int at = stats.divergedAtEpoch() > 0 ? stats.divergedAtEpoch() : epoch;
                    err.println("model " + names.get(i) + " diverged at epoch " + at
                            + " (loss became " + nonFinite(stats) + "); it stopped training");
                    err.flush();
                }
            }
            if (!quiet && (epoch == 1 || epoch % every == 0 || epoch == epochs || divergedNow
                    || !session.canTrain())) {
                out.println(progressLine(epoch, names, last));
                out.flush();
            }
        }
        for (int i = 0; i < models; i++) {
            double mse = last[i].diverged() ? Double.NaN : last[i].mse();
            out.println("final " + names.get(i) + " mse=" + String.format(Locale.ROOT, "%.6f", mse));
        }
        out.flush();
        if (csvOut != null) {
            RunExport.writeStatistics(csvOut, session); // the window's format, from epoch 0
        }
        if (predictionsOut != null) {
            RunExport.writePredictions(predictionsOut, config.data(), Arrays.asList(last));
        }
        return anyDiverged;
    }

    private String description(ExperimentConfig config, List<String> names) {
        Dataset d = config.data();
        String source = data != null ? d.size() + " points from " + data
                : d.size() + " points of " + d.description();
        return "Training " + String.join(" vs ", names) + " on " + source + ": "
                + config.network().shapeText() + ", " + config.optimizer().kind().id()
                + " lr=" + number(config.optimizer().learningRate()) + ", batch " + config.batchSize()
                + ", " + config.network().initializer().id() + " init"
                + (config.network().initScale() == 1 ? "" : " x" + number(config.network().initScale()))
                + ", seed " + config.seed() + ", " + epochs + " epochs";
    }

    /** {@code Epoch 7/100 - relu: mse=0.0123 - linear: mse=0.424}, written by {@link MseFormat}. */
    private String progressLine(int epoch, List<String> names, ModelStats[] stats) {
        StringBuilder sb = new StringBuilder("Epoch ").append(epoch).append('/').append(epochs);
        for (int i = 0; i < stats.length; i++) {
            sb.append(" - ").append(names.get(i)).append(": mse=").append(MseFormat.format(stats[i].mse()));
        }
        return sb.toString();
    }

    private static String nonFinite(ModelStats stats) {
        double v = Double.isFinite(stats.trainLoss()) ? stats.mse() : stats.trainLoss();
        return Double.isNaN(v) ? "NaN" : "infinite";
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private java.util.Set<String> givenOptions() {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (var option : spec.commandLine().getParseResult().matchedOptions()) {
            names.add(option.longestName());
        }
        return names;
    }

    private static void checkDistinct(Path a, String aName, Path b, String bName) {
        if (a != null && b != null && sameFile(a, b)) {
            throw new CliException(aName + " and " + bName + " must name different files");
        }
    }

    /** Refuses an output that would overwrite an input (the run would destroy what it reads). */
    static void checkNotInput(Path output, String outputName, Path input, String inputName) {
        if (output != null && input != null && sameFile(output, input)) {
            throw new CliException(outputName + " " + Echo.of(output.toString()) + " is the " + inputName
                    + " file: writing it would destroy the input (choose another name)");
        }
    }

    /** Whether two paths name one file (the same path, or links to one existing file). */
    public static boolean sameFile(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return java.nio.file.Files.exists(a) && java.nio.file.Files.exists(b) && java.nio.file.Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static void checkRange(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new CliException(option + " must be " + min + "–" + max + ", got " + value);
        }
    }

    /** A number as a user would type it: {@code 0}, {@code -1}, {@code 0.001}, {@code 1.0E-9}. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String optimizerIds() {
        return String.join(", ", Arrays.stream(OptimizerKind.values()).map(OptimizerKind::id).toList());
    }

    private static String initializerIds() {
        return String.join(", ", Arrays.stream(Initializer.values()).map(Initializer::id).toList());
    }
}
