package org.activationlab.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.activationlab.engine.Activation;
import org.activationlab.engine.Activations;
import org.activationlab.engine.CsvDatasetReader;
import org.activationlab.engine.DataFileException;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.Initializer;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.OptimizerKind;
import org.activationlab.engine.TargetFunction;
import org.activationlab.training.CommandOutcome;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.ExperimentFile;
import org.activationlab.training.Snapshot;
import org.activationlab.training.SwitchMode;
import org.activationlab.training.Trainer;
import org.activationlab.training.TrainerCommand;
import org.activationlab.ui.chart.PlotViewport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

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
    /** The teacher's edits of the experiment (and of the data and notes), for undo and redo. */
    private final UndoHistory history = new UndoHistory();
    private long snapshotsTaken;
    /** The config our last edit asked for, until the trainer reports that command's outcome. */
    private ExperimentConfig expected;
    private long expectedCommand;
    /** Why the newest refused command was refused, for the window to show; null if none. */
    private final ReadOnlyStringWrapper commandFailure = new ReadOnlyStringWrapper(this, "commandFailure");
    /** Outcomes up to this command id have been looked at. */
    private long outcomesSeen;
    /** The experiment to go back to when the race ends; null when not racing. */
    private ExperimentConfig beforeRace;
    /**
     * The epoch limit and speed the teacher chose (or a file or lesson set). The trainer's own
     * limit moves on when Space trains past it; that is progress, not a setting.
     */
    private int chosenLimit;
    private double chosenSpeed;

    /** {@link #viewedEpoch()} while the window shows the run as it is now. */
    public static final int LIVE = -1;
    /** The kept epoch the charts show while the teacher goes back through the run, or LIVE. */
    private final ReadOnlyIntegerWrapper viewedEpoch = new ReadOnlyIntegerWrapper(this, "viewedEpoch", LIVE);
    /** What the fit and loss charts draw: the newest snapshot, or it as of the viewed epoch. */
    private final ReadOnlyObjectWrapper<Snapshot> shown;

    public LabModel(Trainer trainer) {
        this.trainer = trainer;
        this.snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot", trainer.latest());
        this.shown = new ReadOnlyObjectWrapper<>(this, "shown", trainer.latest());
        chosenLimit = trainer.latest().config().epochLimit();
        chosenSpeed = trainer.latest().epochsPerSecond();
    }

    // The timeline: going back to an earlier epoch while paused.

    /**
     * The epoch the charts show while the teacher goes back through a paused run (one the
     * snapshot's {@link org.activationlab.training.PredictionTimeline} kept), or {@link #LIVE}.
     */
    public ReadOnlyIntegerProperty viewedEpochProperty() {
        return viewedEpoch.getReadOnlyProperty();
    }

    public int viewedEpoch() {
        return viewedEpoch.get();
    }

    public boolean isLive() {
        return viewedEpoch.get() == LIVE;
    }

    /**
     * The snapshot the fit and loss charts draw: {@link #snapshot()} while live, else it as of
     * {@link #viewedEpoch()} ({@link Snapshot#atEpoch}). Status line, controls and the
     * instruments that show the live network read {@link #snapshot()}.
     */
    public ReadOnlyObjectProperty<Snapshot> shownSnapshotProperty() {
        return shown.getReadOnlyProperty();
    }

    public Snapshot shownSnapshot() {
        return shown.get();
    }

    /** Whether the window can go back through the run now: paused, with more than one epoch kept. */
    public boolean canViewEpochs() {
        Snapshot s = snapshot.get();
        return s != null && !s.playing() && s.timeline().size() > 1;
    }

    /**
     * Shows the kept epoch nearest to {@code epoch} (paused only; otherwise nothing happens).
     *
     * @return whether the window now shows an earlier epoch
     */
    public boolean viewEpoch(int epoch) {
        if (!canViewEpochs()) {
            return false;
        }
        Snapshot s = snapshot.get();
        int kept = s.keptEpoch(epoch);
        if (kept != viewedEpoch.get()) {
            Snapshot then = s.atEpoch(kept);
            viewedEpoch.set(kept);
            shown.set(then);
        }
        return true;
    }

    /** Back to the run as it is now. */
    public void viewLive() {
        if (viewedEpoch.get() != LIVE) {
            viewedEpoch.set(LIVE);
            shown.set(snapshot.get());
        }
    }

    /**
     * Whether {@code next} ends going back through the run: training goes on, another run or
     * experiment started, or the teacher switched an activation (an action on the live run).
     */
    private static boolean endsViewing(Snapshot previous, Snapshot next) {
        return previous == null || next.playing()
                || next.timeline().newestEpoch() != previous.timeline().newestEpoch()
                || next.switches().size() != previous.switches().size()
                || next.models().size() != previous.models().size()
                || next.config().data() != previous.config().data();
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

    /**
     * Undo and redo of the teacher's edits: every setting changed here, the data, and what
     * features record (notes). Opening a file or a lesson starts a new history.
     */
    public UndoHistory history() {
        return history;
    }

    /**
     * Why the trainer refused the newest command that failed (a load it could not build, a value
     * out of range), or null; cleared by the next action. Its outcome is reported whatever
     * commands follow it.
     */
    public ReadOnlyStringProperty commandFailureProperty() {
        return commandFailure.getReadOnlyProperty();
    }

    public String commandFailure() {
        return commandFailure.get();
    }

    /** Sends a command for a new action of the user's: an earlier refusal has been answered. */
    private long send(TrainerCommand command) {
        commandFailure.set(null);
        return trainer.send(command);
    }

    /**
     * Replaces the whole experiment with an opened file's: restarts at epoch 0, paused. If the
     * trainer cannot build it, the current experiment goes on and {@link #commandFailure()} says
     * why.
     */
    public void load(ExperimentFile.Contents contents) {
        beforeRace = null;
        history.clear();
        chosenLimit = contents.config().epochLimit();
        chosenSpeed = contents.epochsPerSecond();
        sendLoad(contents.config());
        trainer.send(new TrainerCommand.SetSpeed(contents.epochsPerSecond())); // same action
        switchMode.set(contents.switchMode());
        lessonId.set(contents.lessonId());
    }

    /**
     * The experiment as it is now, for saving, and as the teacher has it: every edit already
     * sent counts (not only what the last frame showed); during a race, the experiment the race
     * goes back to; the epoch limit as chosen, not as training on past it has moved it.
     */
    public ExperimentFile.Contents contents() {
        ExperimentConfig config = config();
        if (beforeRace != null) {
            config = config.withModels(beforeRace.models());
        }
        return new ExperimentFile.Contents(config.withEpochLimit(chosenLimit), chosenSpeed, switchMode.get(),
                lessonId.get());
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
        for (CommandOutcome outcome : s.outcomes().after(outcomesSeen)) {
            if (outcome.failed()) {
                commandFailure.set(describe(outcome));
            }
        }
        outcomesSeen = Math.max(outcomesSeen, s.outcomes().lastId());
        Snapshot previous = snapshot.get();
        boolean live = isLive() || endsViewing(previous, s);
        Snapshot nowShown = live ? s : s.atEpoch(viewedEpoch.get());
        if (live) {
            viewedEpoch.set(LIVE);
        }
        snapshot.set(s);
        shown.set(nowShown);
        return true;
    }

    private static String describe(CommandOutcome outcome) {
        return outcome.command().equals("Load")
                ? "The experiment could not be loaded (the current one goes on): " + outcome.message()
                : "Not applied: " + outcome.message();
    }

    /** Snapshots taken by {@link #pullSnapshot()} (for the UI benchmark). */
    public long snapshotsTaken() {
        return snapshotsTaken;
    }

    public void togglePlay() {
        viewLive();
        send(new TrainerCommand.TogglePlay());
    }

    public void play() {
        viewLive();
        send(new TrainerCommand.Play());
    }

    public void pause() {
        send(new TrainerCommand.Pause());
    }

    public void step() {
        viewLive();
        send(new TrainerCommand.Step());
    }

    public void reset() {
        viewLive();
        send(new TrainerCommand.Reset());
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
        chosenSpeed = epochsPerSecond;
        send(new TrainerCommand.SetSpeed(epochsPerSecond));
    }

    /** 0 means no limit. */
    public void setEpochLimit(int limit) {
        chosenLimit = limit;
        send(new TrainerCommand.SetEpochLimit(limit));
    }

    /**
     * Switches the activation model to {@code activation}, in the chosen switch mode. Does
     * nothing during a race, where every activation already trains.
     */
    public void selectActivation(Activation activation) {
        if (isRacing()) {
            return;
        }
        history.recordStep("activation", config().models().get(SWITCHED_MODEL), activation,
                this::selectActivation);
        send(new TrainerCommand.SwitchActivation(SWITCHED_MODEL, activation, switchMode.get()));
    }

    public void setSeed(long seed) {
        history.recordStep("seed", config().seed(), seed, this::setSeed);
        send(new TrainerCommand.SetSeed(seed));
    }

    /**
     * Replaces the whole experiment (a lesson, for instance): every model restarts, paused. A
     * race in progress ends: the new experiment is what the teacher asked for.
     *
     * @return the Load command's id: a snapshot with its {@link Snapshot#outcome outcome} shows the
     *         new experiment (or kept the old one, if the trainer refused it)
     */
    public long load(ExperimentConfig config) {
        beforeRace = null;
        history.clear();
        chosenLimit = config.epochLimit();
        return sendLoad(config);
    }

    /** Picks a fresh random seed (1–99999, easy to read out in class) and restarts with it. */
    public long newSeed() {
        long seed = ThreadLocalRandom.current().nextLong(1, 100_000);
        setSeed(seed);
        return seed;
    }

    // Experiment controls: each edit is built on the config as it will be once the commands
    // already sent are applied, so two quick edits (width, then depth) do not undo each other.

    /**
     * The experiment as the trainer will have it after every command this model sent: the
     * newest snapshot's config, or the one an edit just asked for if the trainer may not have
     * applied it yet.
     */
    public ExperimentConfig config() {
        Snapshot latest = trainer.latest();
        if (expected != null && latest.outcome(expectedCommand).isEmpty()) {
            return expected;
        }
        expected = null; // applied (the snapshot has it) or refused (the snapshot kept the old)
        return latest.config();
    }

    /** Remembers what the edit sent as command {@code id} asks for, until its outcome is known. */
    private void expect(ExperimentConfig config, long id) {
        expected = config;
        expectedCommand = id;
    }

    /** Applied from the next step; the optimiser's state starts afresh. */
    public void setLearningRate(double learningRate) {
        history.recordChange("learning rate", config().optimizer().learningRate(), learningRate,
                this::setLearningRate);
        ExperimentConfig next = config();
        next = next.withOptimizer(next.optimizer().withLearningRate(learningRate));
        expect(next, send(new TrainerCommand.SetLearningRate(learningRate)));
    }

    /** Another optimiser (Keras' defaults) at the current learning rate. */
    public void setOptimizer(OptimizerKind kind) {
        history.recordChange("optimiser", config().optimizer().kind(), kind, this::setOptimizer);
        ExperimentConfig next = config();
        next = next.withOptimizer(org.activationlab.engine.OptimizerSpec.of(kind,
                next.optimizer().learningRate()));
        expect(next, send(new TrainerCommand.SetOptimizer(next.optimizer())));
    }

    /** Restarts every model with the new batch size. */
    public void setBatchSize(int batchSize) {
        history.recordChange("batch size", config().batchSize(), batchSize, this::setBatchSize);
        ExperimentConfig next = config().withBatchSize(batchSize);
        expect(next, send(new TrainerCommand.SetBatchSize(batchSize)));
    }

    /** A new shape or initialisation: every model restarts from new weights. */
    public void setNetwork(NetworkSpec network) {
        setNetwork("network", network);
    }

    private void setNetwork(String what, NetworkSpec network) {
        history.recordChange(what, config().network(), network, this::setNetwork);
        ExperimentConfig next = config().withNetwork(network);
        expect(next, send(new TrainerCommand.SetNetwork(network)));
    }

    private void editNetwork(String what, UnaryOperator<NetworkSpec> edit) {
        setNetwork(what, edit.apply(config().network()));
    }

    public void setWidth(int width) {
        editNetwork("width", n -> new NetworkSpec(n.depth(), width, n.activation(), n.initializer(),
                n.initScale(), n.biasInit()));
    }

    public void setDepth(int depth) {
        editNetwork("depth", n -> new NetworkSpec(depth, n.width(), n.activation(), n.initializer(),
                n.initScale(), n.biasInit()));
    }

    public void setInitializer(Initializer initializer) {
        editNetwork("initialiser", n -> new NetworkSpec(n.depth(), n.width(), n.activation(), initializer,
                n.initScale(), n.biasInit()));
    }

    public void setInitScale(double scale) {
        editNetwork("initial weight scale", n -> new NetworkSpec(n.depth(), n.width(), n.activation(), n.initializer(),
                scale, n.biasInit()));
    }

    public void setBiasInit(double bias) {
        editNetwork("initial bias", n -> new NetworkSpec(n.depth(), n.width(), n.activation(), n.initializer(),
                n.initScale(), bias));
    }

    /** New training data: every model restarts. */
    public void setData(Dataset data) {
        setData("training data", data);
    }

    /** Data edits by hand are steps of their own; generated data merges (a held spinner). */
    private void setData(String what, Dataset data) {
        if (what.equals("training data")) {
            history.recordChange(what, config().data(), data, this::setData);
        } else {
            history.recordStep(what, config().data(), data, this::setData);
        }
        ExperimentConfig next = config().withData(data);
        expect(next, send(new TrainerCommand.SetData(data)));
    }

    /**
     * {@code points} samples of {@code target} on [−2π, 2π] with Gaussian noise of standard
     * deviation {@code noise}, drawn from the experiment's seed.
     */
    public void setGeneratedData(TargetFunction target, int points, double noise) {
        setData(Dataset.generate(target, points, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X,
                noise, config().seed()));
    }

    /** Samples {@code target} with the current number of points and noise. */
    public void setTarget(TargetFunction target) {
        Dataset data = config().data();
        setGeneratedData(target, data.size(), data.target().isPresent() ? data.noise() : 0);
    }

    /**
     * Samples the current target function with another number of points.
     *
     * @return false for custom data, which has no function to sample
     */
    public boolean setPointCount(int points) {
        Dataset data = config().data();
        if (data.target().isEmpty()) {
            return false;
        }
        setGeneratedData(data.target().get(), points, data.noise());
        return true;
    }

    /**
     * Samples the current target function with another noise level.
     *
     * @return false for custom data, which has no function to sample
     */
    public boolean setNoise(double noise) {
        Dataset data = config().data();
        if (data.target().isEmpty()) {
            return false;
        }
        setGeneratedData(data.target().get(), data.size(), noise);
        return true;
    }

    /** Adds the training point (x, y); the data becomes custom. Returns the new data. */
    public Dataset addPoint(double x, double y) {
        Dataset data = DataEdits.withPoint(config().data(), x, y);
        setData("add a point", data);
        return data;
    }

    /**
     * Removes the training point drawn nearest to pixel (px, py), if one is within
     * {@link DataEdits#REMOVE_RADIUS_PX} and at least {@link Dataset#MIN_POINTS} remain.
     *
     * @return whether a point was removed
     */
    public boolean removePointNear(PlotViewport viewport, double px, double py) {
        return removePointNear(viewport, px, py, DataEdits.REMOVE_RADIUS_PX);
    }

    /** As {@link #removePointNear(PlotViewport, double, double)} within {@code radius} pixels. */
    public boolean removePointNear(PlotViewport viewport, double px, double py, double radius) {
        Dataset data = config().data();
        int index = DataEdits.nearestPoint(data, viewport, px, py, radius);
        if (index < 0 || data.size() <= Dataset.MIN_POINTS) {
            return false;
        }
        setData("remove a point", DataEdits.withoutPoint(data, index));
        return true;
    }

    /**
     * Trains on the x,y pairs of a CSV file. On a bad file nothing is sent and the current data
     * stays.
     *
     * @throws DataFileException with a message naming the file and line
     */
    public Dataset loadCsv(Path file) throws DataFileException {
        Dataset data = CsvDatasetReader.read(file);
        setData(data);
        return data;
    }

    /** Every activation of the catalogue, Softmax and Linear included. */
    public static List<Activation> raceModels() {
        return Activations.all();
    }

    public boolean isRacing() {
        return beforeRace != null;
    }

    /**
     * Races every activation on the current data, shape, seed (so the same initial weights),
     * optimiser and batch size; remembers the experiment to go back to.
     */
    public void enterRace() {
        if (isRacing()) {
            return;
        }
        ExperimentConfig current = config();
        beforeRace = current;
        sendLoad(current.withModels(raceModels()));
    }

    /**
     * Back to the models and epoch limit from before the race; data and hyper-parameters
     * changed during the race stay.
     */
    public void leaveRace() {
        if (!isRacing()) {
            return;
        }
        ExperimentConfig previous = beforeRace;
        beforeRace = null;
        sendLoad(config().withModels(previous.models()).withEpochLimit(previous.epochLimit()));
    }

    private long sendLoad(ExperimentConfig config) {
        viewLive();
        long id = send(new TrainerCommand.Load(config));
        expect(config, id);
        return id;
    }

    /** Stops the trainer thread. */
    public void close() {
        trainer.close();
    }

    public Trainer trainer() {
        return trainer;
    }
}
