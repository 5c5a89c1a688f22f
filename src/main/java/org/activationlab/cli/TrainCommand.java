package org.activationlab.cli;

import org.activationlab.engine.Activation;
import org.activationlab.engine.Activations;
import org.activationlab.engine.CsvDatasetReader;
import org.activationlab.engine.DataFileException;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.Initializer;
import org.activationlab.engine.ModelRun;
import org.activationlab.engine.ModelStats;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.OptimizerKind;
import org.activationlab.engine.OptimizerSpec;
import org.activationlab.engine.TargetFunction;
import org.activationlab.training.AtomicOutput;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.ExperimentFile;
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
        description = {"Train a model with an activation against models without (or with others), "
                + "headless, and print the mean squared error of each.",
                "Ends with one line per model: final <model> mse=<value>."},
        footer = {"", "Exit codes: 0 success, 2 bad input, 3 a model diverged (NaN or infinite loss)."})
public final class TrainCommand implements Callable<Integer> {

    static final int MAX_EPOCHS = 1_000_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--activation", defaultValue = "relu", paramLabel = "ID",
            description = "Hidden activation of the first model (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--compare", defaultValue = "linear", paramLabel = "ID[,ID...]",
            description = "Activations of the models to compare with, comma-separated, "
                    + "or 'none' (default: ${DEFAULT-VALUE}).")
    String compare;

    @Option(names = "--epochs", defaultValue = "100", paramLabel = "N",
            description = "Epochs to train, 1–1000000 (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Seeds the initial weights (the same for every model), the shuffling "
                    + "and the noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--lr", paramLabel = "RATE",
            description = "Learning rate, 1e-7–10 (default: Keras' default for the optimizer: "
                    + "0.001 for adam and rmsprop, 0.01 for sgd, momentum and nesterov).")
    Double learningRate;

    @Option(names = "--batch", defaultValue = "32", paramLabel = "N",
            description = "Mini-batch size, 1–1024 (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--width", defaultValue = "64", paramLabel = "N",
            description = "Units per hidden layer, 1–512 (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--depth", defaultValue = "2", paramLabel = "N",
            description = "Hidden layers, 1–8 (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--optimizer", defaultValue = "adam", paramLabel = "NAME",
            description = "sgd, momentum, nesterov, rmsprop or adam (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--init", defaultValue = "glorot", paramLabel = "NAME",
            description = "Weight initialiser: glorot, he, lecun or pytorch, all uniform "
                    + "(default: ${DEFAULT-VALUE}).")
    String init;

    @Option(names = "--init-scale", defaultValue = "1", paramLabel = "FACTOR",
            description = "Factor on the initialiser's limit, in (0, 100] (default: ${DEFAULT-VALUE}).")
    double initScale;

    @Option(names = "--target", paramLabel = "ID",
            description = "Function to learn on [-2π, 2π]: sin, abs, square, square_wave, sawtooth, "
                    + "step, x_sin_x or gaussian (default: sin).")
    String target;

    @Option(names = "--noise", paramLabel = "SD",
            description = "Standard deviation of Gaussian noise added to the target, 0–10 (default: 0).")
    Double noise;

    @Option(names = "--points", paramLabel = "N",
            description = "Evenly spaced training points, 2–100000 (default: 1000).")
    Integer points;

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
                epochs = limit > 0 ? Math.min(limit, MAX_EPOCHS) : 100;
            }
            config = OpenedExperiment.merge(opened.config(), config, givenOptions(), epochs);
            for (String warning : opened.warnings()) {
                spec.commandLine().getErr().println("warning: " + open + ": " + warning);
            }
        }
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

    /** Checks every option and builds the experiment (the epoch count stays on this command). */
    ExperimentConfig toConfig() throws DataFileException {
        checkRange("--epochs", epochs, 1, MAX_EPOCHS);
        checkRange("--batch", batch, 1, ModelRun.MAX_BATCH);
        checkRange("--width", width, 1, NetworkSpec.MAX_WIDTH);
        checkRange("--depth", depth, 1, NetworkSpec.MAX_DEPTH);
        if (!(initScale > 0 && initScale <= 100)) {
            throw new CliException("--init-scale must be in (0, 100], got " + number(initScale));
        }
        OptimizerKind kind = OptimizerKind.byId(optimizer).orElseThrow(() -> new CliException(
                "unknown optimizer '" + optimizer + "' (choose from " + optimizerIds() + ")"));
        double lr = learningRate == null ? kind.defaultLearningRate() : learningRate;
        if (!(lr >= OptimizerSpec.MIN_LEARNING_RATE && lr <= OptimizerSpec.MAX_LEARNING_RATE)) {
            throw new CliException("--lr must be in [1e-7, 10], got " + number(lr));
        }
        Initializer initializer = Initializer.byId(init).orElseThrow(() -> new CliException(
                "unknown initializer '" + init + "' (choose from " + initializerIds() + ")"));
        List<Activation> models = new ArrayList<>();
        models.add(activation(activation, ""));
        models.addAll(compared());
        if (models.size() > ExperimentConfig.MAX_MODELS) {
            throw new CliException("at most " + ExperimentConfig.MAX_MODELS
                    + " models: --compare lists " + (models.size() - 1));
        }
        Dataset dataset = dataset();
        NetworkSpec network = new NetworkSpec(depth, width, models.get(0), initializer, initScale, 0.0);
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
                throw new CliException("--compare has an empty entry in '" + compare + "'");
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
                + id.strip() + "'" + where + " (choose from " + Activations.ids() + ")"));
    }

    private Dataset dataset() throws DataFileException {
        if (data != null) {
            List<String> given = new ArrayList<>();
            if (target != null) {
                given.add("--target");
            }
            if (noise != null) {
                given.add("--noise");
            }
            if (points != null) {
                given.add("--points");
            }
            if (!given.isEmpty()) {
                throw new CliException("--data cannot be combined with " + String.join(", ", given)
                        + " (they describe generated data)");
            }
            return CsvDatasetReader.read(data);
        }
        TargetFunction function = target == null ? TargetFunction.SIN
                : TargetFunction.byId(target).orElseThrow(() -> new CliException(
                        "unknown target '" + target + "' (choose from " + TargetFunction.ids() + ")"));
        int n = points == null ? 1000 : points;
        checkRange("--points", n, Dataset.MIN_POINTS, Dataset.MAX_POINTS);
        double sd = noise == null ? 0 : noise;
        if (!(sd >= 0 && sd <= 10)) {
            throw new CliException("--noise must be in [0, 10], got " + number(sd));
        }
        return Dataset.generate(function, n, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X, sd, seed);
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

    /** {@code Epoch 7/100 - relu: mse=0.0123 - linear: mse=0.4239}. */
    private String progressLine(int epoch, List<String> names, ModelStats[] stats) {
        StringBuilder sb = new StringBuilder("Epoch ").append(epoch).append('/').append(epochs);
        for (int i = 0; i < stats.length; i++) {
            sb.append(" - ").append(names.get(i)).append(": mse=").append(keras(stats[i].mse()));
        }
        return sb.toString();
    }

    /** Numbers as Keras' progress bar prints them: 4 decimals, or 4 in scientific notation below 1e-3. */
    static String keras(double value) {
        return Math.abs(value) > 1e-3 ? String.format(Locale.ROOT, "%.4f", value)
                : String.format(Locale.ROOT, "%.4e", value);
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
        if (a != null && b != null
                && a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            throw new CliException(aName + " and " + bName + " must name different files");
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
