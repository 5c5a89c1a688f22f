package org.activationlab.ui.lessons;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import org.activationlab.engine.ModelStats;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.ExperimentFile;
import org.activationlab.training.Snapshot;
import org.activationlab.training.lesson.Lesson;
import org.activationlab.training.lesson.LessonCatalogue;
import org.activationlab.training.lesson.LessonLoader;
import org.activationlab.training.lesson.LessonQuestion;
import org.activationlab.training.lesson.LessonStep;
import org.activationlab.ui.chart.ModelText;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.MainView;
import org.activationlab.ui.Shortcuts;
import org.activationlab.ui.WindowMode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the lessons: which lesson and step is open, whether the picker shows, and what a step
 * does to the window. Entering a step loads its experiment (only if it differs from the one the
 * lesson loaded last, so Back and Next keep a run going), brings its instrument tab to the front
 * and shows its panel instead of the charts. Lives on the FX thread; talks to the trainer only
 * through {@link LabModel}.
 */
public final class LessonGuide {

    /** System property naming a folder of extra lessons. */
    public static final String FOLDER_PROPERTY = "activationlab.lessons";

    private final LessonCatalogue catalogue;
    private final LabModel model;
    private final MainView view;
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final ReadOnlyIntegerWrapper stepIndex = new ReadOnlyIntegerWrapper(this, "stepIndex");
    private final ReadOnlyBooleanWrapper pickerShowing = new ReadOnlyBooleanWrapper(this, "pickerShowing");
    /** Bumped on every step change, so that a view redraws even when the index stays the same. */
    private final ReadOnlyIntegerWrapper changes = new ReadOnlyIntegerWrapper(this, "changes");
    private final ReadOnlyObjectWrapper<QuestionState> question =
            new ReadOnlyObjectWrapper<>(this, "question", QuestionState.NONE);
    /** The answer the class chose for the open step's question, −1 for none yet. */
    private final ReadOnlyIntegerWrapper choice = new ReadOnlyIntegerWrapper(this, "choice", -1);
    private ExperimentFile.Contents loaded;
    /** The Load command of the step's experiment until a snapshot answers it, else −1. */
    private long pendingLoad = -1;
    private SoftmaxPanel softmaxPanel;

    public LessonGuide(LessonCatalogue catalogue, MainView view) {
        this.catalogue = catalogue;
        this.view = view;
        this.model = view.model();
        // The open lesson is part of the experiment: it is saved in experiment files.
        lesson.addListener((obs, old, now) -> model.lessonIdProperty().set(now == null ? null : now.file()));
        model.snapshotProperty().addListener((obs, old, now) -> updateQuestion());
    }

    /**
     * Adds the lessons to a window: one Lessons menu item per lesson, the keys, and the lesson
     * strip docked above the charts while a lesson or the picker is open.
     */
    public static LessonGuide install(MainView view, LessonCatalogue catalogue) {
        LessonGuide guide = new LessonGuide(catalogue, view);
        LessonPanel panel = new LessonPanel(guide);
        // A long step at a large text size scrolls rather than squeeze the charts to nothing
        // (ScaledLayout sets its greatest height).
        ScrollPane strip = new ScrollPane(panel);
        strip.setId("lesson-scroll");
        strip.getStyleClass().add("lesson-scroll");
        strip.setFitToWidth(true);
        strip.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        Runnable dock = () -> view.setGuide(guide.isOpen() ? strip : null);
        // A short strip (large text, a small window) scrolls: the question and, at the end of the
        // run, its revealed answer are scrolled into view, since the class must see them.
        guide.questionProperty().addListener((obs, old, now) -> {
            if (now.phase() != old.phase() && (now.phase() == QuestionState.Phase.ASKING || now.isRevealed())) {
                javafx.application.Platform.runLater(() -> scrollIntoView(strip, panel.questionView()));
            }
        });
        guide.lessonProperty().addListener((obs, old, now) -> dock.run());
        guide.pickerShowingProperty().addListener((obs, old, now) -> dock.run());

        var menu = view.menu("Lessons");
        // The key is named in the text, not set as an accelerator: the shortcut registry handles L.
        MenuItem choose = new MenuItem("Choose a lesson…   (L)");
        choose.setId("menu-lessons-picker");
        choose.setOnAction(e -> guide.showPicker());
        menu.getItems().addAll(choose, new SeparatorMenuItem());
        for (int i = 0; i < catalogue.lessons().size(); i++) {
            Lesson l = catalogue.lessons().get(i);
            MenuItem item = new MenuItem((i + 1) + "  " + l.title());
            item.setId("menu-lesson-" + (i + 1));
            item.setOnAction(e -> guide.open(l));
            menu.getItems().add(item);
        }
        if (catalogue.lessons().isEmpty()) {
            MenuItem none = new MenuItem("No lessons could be read");
            none.setDisable(true);
            menu.getItems().add(none);
        }
        MenuItem close = new MenuItem("Close the lesson");
        close.setId("menu-lesson-close");
        close.disableProperty().bind(guide.lessonProperty().isNull());
        close.setOnAction(e -> guide.close());
        menu.getItems().addAll(new SeparatorMenuItem(), close);

        Shortcuts keys = view.shortcuts();
        keys.add(KeyCode.L, "Lessons: show or hide the lesson picker", guide::togglePicker);
        java.util.function.BooleanSupplier inLesson = () -> guide.lesson() != null;
        keys.add(new KeyCodeCombination(KeyCode.PAGE_DOWN), "Lesson: next step", inLesson, guide::next);
        keys.add(new KeyCodeCombination(KeyCode.N), "Lesson: next step", inLesson, guide::next);
        keys.add(new KeyCodeCombination(KeyCode.PAGE_UP), "Lesson: previous step", inLesson, guide::back);
        keys.add(new KeyCodeCombination(KeyCode.B), "Lesson: previous step", inLesson, guide::back);
        // While the picker shows, the number keys pick a lesson (instead of an activation).
        for (int i = 0; i < Math.min(9, guide.catalogue().lessons().size()); i++) {
            Lesson lesson = guide.catalogue().lessons().get(i);
            KeyCode digit = KeyCode.valueOf("DIGIT" + (i + 1));
            keys.add(new KeyCodeCombination(digit), "In the lesson picker: open that lesson",
                    guide::isPickerShowing, () -> guide.open(lesson));
        }
        keys.add(new KeyCodeCombination(KeyCode.L, KeyCombination.SHIFT_DOWN), "Lesson: close", guide::close);
        addToPresentationBar(view, guide);
        return guide;
    }

    /** Scrolls {@code strip} as little as needed to show {@code node} whole (its top, if it is taller). */
    private static void scrollIntoView(ScrollPane strip, javafx.scene.Node node) {
        if (strip.getContent() == null || !node.isVisible()) {
            return;
        }
        // The step's new texts may not be laid out yet: measure them as they will be drawn.
        strip.applyCss();
        strip.layout();
        double content = strip.getContent().getLayoutBounds().getHeight();
        double viewport = strip.getViewportBounds().getHeight();
        if (content <= viewport || viewport <= 0) {
            return;
        }
        javafx.geometry.Bounds b = strip.getContent().sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double top = strip.getVvalue() * (content - viewport);
        double newTop = top;
        if (b.getMaxY() > top + viewport) {
            newTop = b.getMaxY() - viewport;
        }
        if (b.getMinY() < newTop) {
            newTop = b.getMinY();
        }
        strip.setVvalue(Math.max(0, Math.min(1, newTop / (content - viewport))));
    }

    /** Back and Next (and where the class is) on presentation mode's slim bar, while a lesson is open. */
    private static void addToPresentationBar(MainView view, LessonGuide guide) {
        Button back = new Button("◀ Back");
        back.setId("presentation-lesson-back");
        back.setTooltip(new Tooltip("Previous step (B or Page Up)"));
        back.setOnAction(e -> guide.back());
        Button next = new Button("Next ▶");
        next.setId("presentation-lesson-next");
        next.getStyleClass().add("primary");
        next.setTooltip(new Tooltip("Next step (N or Page Down)"));
        next.setOnAction(e -> guide.next());
        Label where = new Label();
        where.setId("presentation-lesson-step");
        for (Button b : new Button[]{back, next}) {
            // Keys belong to the window (N, B), so the buttons never keep the focus.
            b.setFocusTraversable(false);
        }
        HBox box = new HBox(back, where, next);
        box.getStyleClass().add("presentation-lesson");
        box.setAlignment(Pos.CENTER_LEFT);
        view.presentationControls().getChildren().add(box);
        Runnable refresh = () -> {
            Lesson l = guide.lesson();
            box.setVisible(l != null);
            box.setManaged(l != null);
            if (l != null) {
                where.setText("step " + (guide.stepIndex() + 1) + " / " + l.stepCount());
                back.setDisable(guide.stepIndex() == 0);
                next.setDisable(guide.stepIndex() >= l.stepCount() - 1);
            }
        };
        guide.lessonProperty().addListener((obs, old, now) -> refresh.run());
        guide.changesProperty().addListener((obs, old, now) -> refresh.run());
        refresh.run();
    }

    /**
     * The bundled lessons, followed by those of the folder named by the system property
     * {@value #FOLDER_PROPERTY} (with its own {@code index.json}), if it is set.
     */
    public static LessonCatalogue loadCatalogue() {
        LessonCatalogue bundled = LessonLoader.load(LessonLoader.bundled());
        String folder = System.getProperty(FOLDER_PROPERTY);
        if (folder == null || folder.isBlank()) {
            return bundled;
        }
        return bundled.plus(LessonLoader.load(LessonLoader.directory(Path.of(folder))));
    }

    public LessonCatalogue catalogue() {
        return catalogue;
    }

    /** The open lesson, or null. */
    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    public Lesson lesson() {
        return lesson.get();
    }

    public ReadOnlyIntegerProperty stepIndexProperty() {
        return stepIndex.getReadOnlyProperty();
    }

    public int stepIndex() {
        return stepIndex.get();
    }

    /** Counts step changes (including re-entering the same index in another lesson). */
    public ReadOnlyIntegerProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pickerShowingProperty() {
        return pickerShowing.getReadOnlyProperty();
    }

    public boolean isPickerShowing() {
        return pickerShowing.get();
    }

    /** True while a lesson or the picker is open, i.e. while the lesson strip shows. */
    public boolean isOpen() {
        return lesson.get() != null || pickerShowing.get();
    }

    /** The step shown, or null without a lesson. */
    public LessonStep step() {
        Lesson l = lesson.get();
        return l == null || stepIndex.get() >= l.stepCount() ? null : l.step(stepIndex.get());
    }

    /** Where the open step's question stands ({@link QuestionState#NONE} without one). */
    public ReadOnlyObjectProperty<QuestionState> questionProperty() {
        return question.getReadOnlyProperty();
    }

    public QuestionState questionState() {
        return question.get();
    }

    /** The answer the class chose for the open step's question, or −1. */
    public ReadOnlyIntegerProperty choiceProperty() {
        return choice.getReadOnlyProperty();
    }

    public int choice() {
        return choice.get();
    }

    /**
     * Records the class's choice for the open step's question (clicking it again takes it back).
     * Once the answer is revealed the choice stays as it was.
     */
    public void choose(int answer) {
        LessonStep step = step();
        if (step == null || step.question() == null || question.get().isRevealed()
                || answer < 0 || answer >= step.question().answers().size()) {
            return;
        }
        choice.set(choice.get() == answer ? -1 : answer);
    }

    /**
     * Follows the step's run: the question is revealed once the step's own experiment has
     * trained to its end (every model at the epoch limit with its statistics measured there, or
     * diverged); the rule then picks the answer from those statistics, exactly as the lesson
     * tests do. A different seed still answers it (the tests check several); any other change
     * to the experiment does not.
     */
    private void updateQuestion() {
        LessonStep step = step();
        Snapshot s = model.snapshot();
        if (s != null && pendingLoad >= 0 && s.outcome(pendingLoad).isPresent()) {
            pendingLoad = -1;
        }
        QuestionState now;
        if (step == null || step.question() == null) {
            now = QuestionState.NONE;
        } else if (s == null || pendingLoad >= 0) {
            // The trainer has not loaded the step's experiment yet: what it shows is the old run.
            now = QuestionState.ASKING;
        } else if (!sameExperiment(s.config(), step.settings().config())) {
            now = QuestionState.CHANGED;
        } else if (ended(s)) {
            LessonQuestion q = step.question();
            List<String> names = new ArrayList<>();
            for (ModelStats m : s.models()) {
                names.add(ModelText.label(m, s.models()));
            }
            now = QuestionState.revealed(q.rule().answer(s.models()), q.rule().evidence(s.models(), names));
        } else if (s.epoch() > 0 || s.playing()) {
            now = QuestionState.RUNNING;
        } else {
            now = QuestionState.ASKING;
        }
        if (!now.equals(question.get())) {
            question.set(now);
        }
    }

    /** The run's experiment is the step's, apart from the seed. */
    private static boolean sameExperiment(ExperimentConfig run, ExperimentConfig step) {
        return run.equals(step.withSeed(run.seed()));
    }

    /** Every model has trained to the limit and been measured there, or diverged. */
    private static boolean ended(Snapshot s) {
        int limit = s.config().epochLimit();
        if (limit <= 0) {
            return false;
        }
        for (int i = 0; i < s.models().size(); i++) {
            ModelStats m = s.models().get(i);
            if (!m.diverged() && (s.modelEpoch(i) < limit || m.epoch() != s.modelEpoch(i))) {
                return false;
            }
        }
        return true;
    }

    public void showPicker() {
        pickerShowing.set(true);
    }

    public void hidePicker() {
        pickerShowing.set(false);
    }

    public void togglePicker() {
        pickerShowing.set(!pickerShowing.get());
    }

    /**
     * Opens {@code l} at its first step, loading its experiment; the window goes into lesson
     * mode (a race ends). The step index is back at 0 before the new lesson is announced, so
     * that no listener sees a step index from a longer lesson.
     */
    public void open(Lesson l) {
        pickerShowing.set(false);
        loaded = null;
        view.enterMode(WindowMode.LESSON, this::ended);
        stepIndex.set(0);
        lesson.set(l);
        enter(0);
    }

    public void next() {
        Lesson l = lesson.get();
        if (l != null && stepIndex.get() < l.stepCount() - 1) {
            enter(stepIndex.get() + 1);
        }
    }

    public void back() {
        if (lesson.get() != null && stepIndex.get() > 0) {
            enter(stepIndex.get() - 1);
        }
    }

    /** Closes the lesson (and the picker); the experiment stays as it is, the charts come back. */
    public void close() {
        pickerShowing.set(false);
        view.leaveMode(WindowMode.LESSON);
        ended();
    }

    /** The window left lesson mode (closed here, or another mode such as a race came). */
    private void ended() {
        if (lesson.get() == null) {
            return;
        }
        loaded = null;
        pendingLoad = -1;
        lesson.set(null);
        stepIndex.set(0);
        choice.set(-1);
        question.set(QuestionState.NONE);
        changes.set(changes.get() + 1);
    }

    private void enter(int index) {
        LessonStep step = lesson.get().step(index);
        if (!step.settings().equals(loaded)) {
            pendingLoad = model.load(step.settings().config());
            model.setSpeed(step.settings().epochsPerSecond());
            loaded = step.settings();
        }
        step.tabTitle().ifPresent(this::selectTab);
        view.setMainContent(step.panelName().map(this::panel).orElse(null));
        choice.set(-1);
        question.set(QuestionState.NONE);
        stepIndex.set(index);
        updateQuestion();
        changes.set(changes.get() + 1);
    }

    /** Brings the instrument tab called {@code title} to the front; does nothing if there is none. */
    private void selectTab(String title) {
        for (Tab tab : view.instruments().getTabs()) {
            if (title.equals(tab.getText())) {
                view.instruments().getSelectionModel().select(tab);
                return;
            }
        }
    }

    private javafx.scene.Node panel(String name) {
        if (!name.equals("softmax")) {
            throw new IllegalArgumentException("no panel " + name);
        }
        if (softmaxPanel == null) {
            softmaxPanel = new SoftmaxPanel();
        }
        return softmaxPanel;
    }

    /** The softmax panel, once a step has shown it (for tests). */
    public SoftmaxPanel softmaxPanel() {
        return softmaxPanel;
    }
}
