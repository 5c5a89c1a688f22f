package org.activationlab.training;

import org.activationlab.engine.Activation;
import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.OptimizerSpec;
import org.activationlab.engine.Setting;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything that defines an experiment: the data, the network shape, the models compared (the
 * first is the one whose activation the teacher switches), the optimiser, batch size, seed and
 * epoch limit. Immutable; the {@code with…} methods return changed copies.
 *
 * @param data       the training points
 * @param network    shape and initialisation; its activation is ignored in favour of {@code models}
 * @param models     the hidden activation of each model, at least one
 * @param optimizer  optimiser and learning rate
 * @param batchSize  mini-batch size ({@link Setting#BATCH_SIZE})
 * @param seed       seeds initial weights and shuffling
 * @param epochLimit training pauses at this epoch; 0 means no limit
 */
public record ExperimentConfig(Dataset data, NetworkSpec network, List<Activation> models,
                               OptimizerSpec optimizer, int batchSize, long seed, int epochLimit) {

    public static final int DEFAULT_EPOCH_LIMIT = Setting.EPOCH_LIMIT.defaultInt();
    public static final long DEFAULT_SEED = Setting.SEED.defaultLong();
    public static final int MAX_MODELS = 16;

    public ExperimentConfig {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(optimizer, "optimizer");
        models = List.copyOf(models);
        if (models.isEmpty() || models.size() > MAX_MODELS) {
            throw new IllegalArgumentException("an experiment compares 1–" + MAX_MODELS + " models");
        }
        Setting.BATCH_SIZE.check(batchSize);
        Setting.EPOCH_LIMIT.check(epochLimit);
    }

    /**
     * The classic experiment: 1000 points of sin(x) on [−2π, 2π], 1 → 64 → 64 → 1 with ReLU
     * against the same network without activation, Adam (lr 1e-3), batch 32, 100 epochs.
     */
    public static ExperimentConfig classic() {
        return new ExperimentConfig(Dataset.classic(), NetworkSpec.classic(Activations.RELU),
                List.of(Activations.RELU, Activations.LINEAR), OptimizerSpec.classic(),
                Setting.BATCH_SIZE.defaultInt(), DEFAULT_SEED, DEFAULT_EPOCH_LIMIT);
    }

    /** The activation the teacher switches (the first model's). */
    public Activation activation() {
        return models.get(0);
    }

    /** Unique names for the models: the activation ids, with "#2", "#3" for repeats. */
    public List<String> modelNames() {
        List<String> names = new ArrayList<>();
        for (Activation a : models) {
            String name = a.id();
            int copy = 1;
            while (names.contains(name)) {
                name = a.id() + "#" + (++copy);
            }
            names.add(name);
        }
        return names;
    }

    public ExperimentConfig withModel(int index, Activation activation) {
        List<Activation> list = new ArrayList<>(models);
        list.set(index, activation);
        return new ExperimentConfig(data, network, list, optimizer, batchSize, seed, epochLimit);
    }

    public ExperimentConfig withModels(List<Activation> list) {
        return new ExperimentConfig(data, network, list, optimizer, batchSize, seed, epochLimit);
    }

    public ExperimentConfig withData(Dataset newData) {
        return new ExperimentConfig(newData, network, models, optimizer, batchSize, seed, epochLimit);
    }

    public ExperimentConfig withNetwork(NetworkSpec newNetwork) {
        return new ExperimentConfig(data, newNetwork, models, optimizer, batchSize, seed, epochLimit);
    }

    public ExperimentConfig withOptimizer(OptimizerSpec newOptimizer) {
        return new ExperimentConfig(data, network, models, newOptimizer, batchSize, seed, epochLimit);
    }

    public ExperimentConfig withBatchSize(int newBatchSize) {
        return new ExperimentConfig(data, network, models, optimizer, newBatchSize, seed, epochLimit);
    }

    public ExperimentConfig withSeed(long newSeed) {
        return new ExperimentConfig(data, network, models, optimizer, batchSize, newSeed, epochLimit);
    }

    public ExperimentConfig withEpochLimit(int newLimit) {
        return new ExperimentConfig(data, network, models, optimizer, batchSize, seed, newLimit);
    }
}
