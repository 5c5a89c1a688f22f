package org.activationlab.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.activationlab.engine.Activation;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.ExperimentFile;
import org.activationlab.training.Snapshot;
import org.activationlab.training.SwitchMode;
import org.activationlab.training.Trainer;
import org.activationlab.training.TrainerCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The UI's model: the only object that talks to the trainer. Views read its read-only
 * {@link #snapshotProperty()} and call its action methods, which become trainer commands.
 * All methods run on the FX thread.
 */
public final class LabModel {

    /** Index of the model whose activation the teacher switches. */
    public static final int SWITCHED_MODEL = 0;

    private final Trainer trainer;
    private final ReadOnlyObjectWrapper<Snapshot> snapshot;
    private final ObjectProperty<SwitchMode> switchMode = new SimpleObjectProperty<>(SwitchMode.RESTART);
    /** The lesson the experiment belongs to (null for none); saved in and opened from files. */
    private final StringProperty lessonId = new SimpleStringProperty(this, "lessonId");
    private final List<Runnable> resetListeners = new ArrayList<>();
    private long snapshotsTaken;

    public LabModel(Trainer trainer) {
        this.trainer = trainer;
        this.snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot", trainer.latest());
    }

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public Snapshot snapshot() {
        return snapshot.get();
    }

    public ObjectProperty<SwitchMode> switchModeProperty() {
        return switchMode;
    }

    public StringProperty lessonIdProperty() {
        return lessonId;
    }

    /** Replaces the whole experiment with an opened file's: restarts at epoch 0, paused. */
    public void load(ExperimentFile.Contents contents) {
        trainer.send(new TrainerCommand.Load(contents.config()));
        trainer.send(new TrainerCommand.SetSpeed(contents.epochsPerSecond()));
        switchMode.set(contents.switchMode());
        lessonId.set(contents.lessonId());
    }

    /** The experiment as it is now, for saving: the trainer's newest state, not the last frame's. */
    public ExperimentFile.Contents contents() {
        Snapshot s = trainer.latest();
        return new ExperimentFile.Contents(s.config(), s.epochsPerSecond(), switchMode.get(), lessonId.get());
    }

    /**
     * Takes the newest snapshot from the trainer, if one came since the last frame. Called once
     * per frame.
     *
     * @return true if there was a new snapshot
     */
    public boolean pullSnapshot() {
        Snapshot s = trainer.poll();
        if (s == null) {
            return false;
        }
        snapshotsTaken++;
        snapshot.set(s);
        return true;
    }

    /** Snapshots taken by {@link #pullSnapshot()} (for the UI benchmark). */
    public long snapshotsTaken() {
        return snapshotsTaken;
    }

    public void togglePlay() {
        trainer.send(new TrainerCommand.TogglePlay());
    }

    public void play() {
        trainer.send(new TrainerCommand.Play());
    }

    public void pause() {
        trainer.send(new TrainerCommand.Pause());
    }

    public void step() {
        trainer.send(new TrainerCommand.Step());
    }

    public void reset() {
        trainer.send(new TrainerCommand.Reset());
        for (Runnable listener : List.copyOf(resetListeners)) {
            listener.run();
        }
    }

    /** Runs {@code listener} whenever the teacher resets (pinned annotations are cleared then). */
    public void addResetListener(Runnable listener) {
        resetListeners.add(listener);
    }

    /** Epochs per second; {@code Double.POSITIVE_INFINITY} for as fast as possible. */
    public void setSpeed(double epochsPerSecond) {
        trainer.send(new TrainerCommand.SetSpeed(epochsPerSecond));
    }

    /** 0 means no limit. */
    public void setEpochLimit(int limit) {
        trainer.send(new TrainerCommand.SetEpochLimit(limit));
    }

    /** Switches the activation model to {@code activation}, in the chosen switch mode. */
    public void selectActivation(Activation activation) {
        trainer.send(new TrainerCommand.SwitchActivation(SWITCHED_MODEL, activation, switchMode.get()));
    }

    public void setSeed(long seed) {
        trainer.send(new TrainerCommand.SetSeed(seed));
    }

    /** Replaces the whole experiment (a lesson, for instance): every model restarts, paused. */
    public void load(ExperimentConfig config) {
        trainer.send(new TrainerCommand.Load(config));
    }

    /** Picks a fresh random seed (1–99999, easy to read out in class) and restarts with it. */
    public long newSeed() {
        long seed = ThreadLocalRandom.current().nextLong(1, 100_000);
        setSeed(seed);
        return seed;
    }

    /** Stops the trainer thread. */
    public void close() {
        trainer.close();
    }

    public Trainer trainer() {
        return trainer;
    }
}
