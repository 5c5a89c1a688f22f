package org.activationlab.cli;

import org.activationlab.engine.Activation;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.Echo;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.TargetFunction;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.ExperimentFile;
import org.activationlab.training.ExperimentFileException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code train --open FILE}: the experiment in the file, with every option that was given
 * explicitly on the command line overriding the file's setting (options left at their defaults
 * do not). So {@code train --open lesson.json --epochs 500 --seed 7} trains the saved experiment
 * longer with other initial weights, and {@code --noise 0.3} regenerates the file's target with
 * more noise.
 */
final class OpenedExperiment {

    /** Options that describe generated data; with the file's data they regenerate it. */
    private static final List<String> DATA_RECIPE = List.of("--target", "--noise", "--points");

    private OpenedExperiment() {
    }

    /** Reads the file; its problems become one {@code error:} line naming the file. */
    static ExperimentFile.Opened read(Path file) {
        try {
            return ExperimentFile.read(file);
        } catch (ExperimentFileException e) {
            throw new CliException("--open " + Echo.of(file.toString()) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The file's experiment with the explicitly given options applied.
     *
     * @param file    the experiment in the file
     * @param options the experiment the options describe (every option checked, defaults filled)
     * @param given   the options given on the command line, e.g. {@code --seed}
     * @param epochs  the epochs to train, which become the epoch limit
     */
    static ExperimentConfig merge(ExperimentConfig file, ExperimentConfig options, Set<String> given,
                                  int epochs) {
        List<Activation> models = new ArrayList<>(file.models());
        if (given.contains("--activation")) {
            models.set(0, options.models().get(0));
        }
        if (given.contains("--compare")) {
            Activation first = models.get(0);
            models = new ArrayList<>(options.models().subList(1, options.models().size()));
            models.add(0, first);
        }
        NetworkSpec f = file.network();
        NetworkSpec o = options.network();
        NetworkSpec network = new NetworkSpec(
                given.contains("--depth") ? o.depth() : f.depth(),
                given.contains("--width") ? o.width() : f.width(),
                models.get(0),
                given.contains("--init") ? o.initializer() : f.initializer(),
                given.contains("--init-scale") ? o.initScale() : f.initScale(),
                given.contains("--bias-init") ? o.biasInit() : f.biasInit());
        var optimizer = given.contains("--optimizer") ? options.optimizer()
                : given.contains("--lr") ? file.optimizer().withLearningRate(options.optimizer().learningRate())
                : file.optimizer();
        long seed = given.contains("--seed") ? options.seed() : file.seed();
        return new ExperimentConfig(data(file.data(), options.data(), given, seed), network, models,
                optimizer, given.contains("--batch") ? options.batchSize() : file.batchSize(), seed, epochs);
    }

    private static Dataset data(Dataset file, Dataset options, Set<String> given, long seed) {
        if (given.contains("--data")) {
            return options;
        }
        if (DATA_RECIPE.stream().noneMatch(given::contains)) {
            return file;
        }
        Dataset.Recipe fromOptions = options.recipe().orElseThrow();
        Dataset.Recipe recipe = file.recipe().orElseGet(() -> {
            // Points with a known target (edited generated data): sample it again on their range.
            TargetFunction target = given.contains("--target") ? fromOptions.target()
                    : file.target().orElseThrow(() -> new CliException("--noise and --points regenerate "
                            + "the file's target function, but its data are points without one (give --target)"));
            return new Dataset.Recipe(target, file.size(), file.minX(), file.maxX(), file.noise(), seed);
        });
        if (given.contains("--target")) {
            recipe = recipe.withTarget(fromOptions.target());
        }
        if (given.contains("--points")) {
            recipe = recipe.withPoints(fromOptions.points());
        }
        if (given.contains("--noise")) {
            recipe = recipe.withNoise(fromOptions.noise());
        }
        try {
            return recipe.withSeed(seed).generate();
        } catch (IllegalArgumentException e) {
            throw new CliException("the file's data cannot be generated again: " + e.getMessage());
        }
    }
}
