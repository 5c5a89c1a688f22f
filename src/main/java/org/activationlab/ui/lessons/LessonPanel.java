package org.activationlab.ui.lessons;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.activationlab.training.lesson.Lesson;
import org.activationlab.training.lesson.LessonQuestion;
import org.activationlab.training.lesson.LessonStep;

import java.util.ArrayList;
import java.util.List;

/**
 * The lesson strip above the charts, sized for a projector: either the picker (one button per
 * lesson) or the open step — lesson and step number, the step's title, the explanation, what to
 * watch, and Back / Next / Close. A step with a question shows it with its answers as large
 * buttons (a click marks the class's vote) and keeps the Watch line back until the run starts;
 * at the end of the run the answer that came true is marked (✓, style class
 * {@code lesson-answer-true}) with the numbers that decided it.
 */
public final class LessonPanel extends StackPane {

    private final LessonGuide guide;
    private final VBox picker;
    private final VBox stepView;
    private final Label lessonName = new Label();
    private final Label stepCounter = new Label();
    private final Label stepTitle = new Label();
    private final Label text = new Label();
    private final Label watch = new Label();
    private final Button back = new Button("◀  Back");
    private final Button next = new Button("Next  ▶");
    private final VBox questionBox = new VBox();
    private final Label questionText = new Label();
    /**
     * The answers, in rows. Its least width is not its widest answer's (a flow's default): an
     * answer wraps at the strip's width instead of widening the strip past the window.
     */
    private final FlowPane answerPane = new FlowPane() {
        @Override
        protected double computeMinWidth(double height) {
            return snappedLeftInset() + snappedRightInset();
        }
    };
    private final Label questionStatus = new Label();
    private final List<Button> answerButtons = new ArrayList<>();
    /** The question the answer buttons were built for. */
    private LessonQuestion shownQuestion;

    public LessonPanel(LessonGuide guide) {
        this.guide = guide;
        setId("lesson-panel");
        getStyleClass().add("lesson-panel");
        picker = buildPicker();
        stepView = buildStepView();
        getChildren().addAll(stepView, picker);
        guide.lessonProperty().addListener((obs, old, now) -> refresh());
        guide.changesProperty().addListener((obs, old, now) -> refresh());
        guide.pickerShowingProperty().addListener((obs, old, now) -> refresh());
        guide.questionProperty().addListener((obs, old, now) -> refresh());
        guide.choiceProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    private VBox buildPicker() {
        Label heading = new Label("Lessons");
        heading.getStyleClass().add("lesson-picker-heading");
        Label hint = new Label("Pick one: it sets up the experiment and explains it step by step.");
        hint.getStyleClass().add("lesson-muted");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button close = new Button("✕");
        close.setId("lesson-picker-close");
        close.getStyleClass().add("lesson-close");
        close.setTooltip(new Tooltip("Hide the lessons (L)"));
        close.setOnAction(e -> guide.hidePicker());
        HBox top = new HBox(heading, hint, gap, close);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("lesson-row");

        FlowPane choices = new FlowPane();
        choices.getStyleClass().add("lesson-choices");
        List<Lesson> lessons = guide.catalogue().lessons();
        for (int i = 0; i < lessons.size(); i++) {
            Lesson l = lessons.get(i);
            Button b = new Button((i + 1) + "   " + l.title());
            b.setId("lesson-choice-" + (i + 1));
            b.getStyleClass().add("lesson-choice");
            Tooltip summary = new Tooltip(l.summary());
            summary.setWrapText(true);
            summary.setMaxWidth(420);
            b.setTooltip(summary);
            b.setOnAction(e -> guide.open(l));
            choices.getChildren().add(b);
        }
        VBox box = new VBox(top, choices);
        if (lessons.isEmpty()) {
            box.getChildren().add(muted("No lessons could be read."));
        }
        for (String warning : guide.catalogue().warnings()) {
            Label w = new Label(warning);
            w.getStyleClass().add("lesson-warning");
            w.setWrapText(true);
            box.getChildren().add(w);
        }
        box.setId("lesson-picker");
        box.getStyleClass().add("lesson-picker");
        return box;
    }

    private static Label muted(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("lesson-muted");
        return l;
    }

    private VBox buildStepView() {
        stepTitle.setId("lesson-step-title");
        stepTitle.getStyleClass().add("lesson-step-title");
        stepTitle.setMinWidth(USE_PREF_SIZE);
        lessonName.setId("lesson-name");
        lessonName.getStyleClass().add("lesson-name");
        stepCounter.setId("lesson-step-counter");
        stepCounter.getStyleClass().add("lesson-muted");
        stepCounter.setMinWidth(USE_PREF_SIZE);

        back.setId("lesson-back");
        back.setTooltip(new Tooltip("Previous step (Page Up or B)"));
        back.setOnAction(e -> guide.back());
        next.setId("lesson-next");
        next.getStyleClass().add("primary");
        next.setTooltip(new Tooltip("Next step (Page Down or N)"));
        next.setOnAction(e -> guide.next());
        Button lessons = new Button("Lessons");
        lessons.setId("lesson-show-picker");
        lessons.setTooltip(new Tooltip("Choose another lesson (L)"));
        lessons.setOnAction(e -> guide.showPicker());
        Button close = new Button("✕");
        close.setId("lesson-close");
        close.getStyleClass().add("lesson-close");
        close.setTooltip(new Tooltip("Close the lesson (Shift+L); the charts stay as they are"));
        close.setOnAction(e -> guide.close());
        HBox buttons = new HBox(back, next, lessons, close);
        buttons.getStyleClass().add("lesson-buttons");
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setMinWidth(USE_PREF_SIZE);

        // One row for the title, where the lesson is and the buttons, so that the explanation
        // below gets the whole width: fewer lines, more room for the charts. A flow, so that at
        // a large text size the buttons move to a second row whole instead of being cut off.
        FlowPane header = new FlowPane(stepTitle, lessonName, stepCounter, buttons);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("lesson-header");

        text.setId("lesson-text");
        text.getStyleClass().add("lesson-text");
        text.setWrapText(true);
        text.setMinHeight(USE_PREF_SIZE);
        watch.setId("lesson-watch");
        watch.getStyleClass().add("lesson-watch");
        watch.setWrapText(true);
        watch.setMinHeight(USE_PREF_SIZE);
        watch.setMaxWidth(Double.MAX_VALUE);
        questionText.setId("lesson-question-text");
        questionText.getStyleClass().add("lesson-question-text");
        questionText.setWrapText(true);
        questionText.setMinHeight(USE_PREF_SIZE);
        answerPane.setId("lesson-answers");
        answerPane.getStyleClass().add("lesson-answers");
        questionStatus.setId("lesson-question-status");
        questionStatus.getStyleClass().add("lesson-question-status");
        questionStatus.setWrapText(true);
        questionStatus.setMinHeight(USE_PREF_SIZE);
        questionBox.getChildren().addAll(questionText, answerPane, questionStatus);
        questionBox.setId("lesson-question");
        questionBox.getStyleClass().add("lesson-question");
        VBox box = new VBox(header, text, questionBox, watch);
        box.setId("lesson-step");
        box.getStyleClass().add("lesson-step");
        return box;
    }

    private void refresh() {
        boolean picking = guide.isPickerShowing();
        picker.setVisible(picking);
        picker.setManaged(picking);
        LessonStep step = guide.step();
        boolean stepping = !picking && step != null;
        stepView.setVisible(stepping);
        stepView.setManaged(stepping);
        if (step == null) {
            return;
        }
        Lesson l = guide.lesson();
        int number = guide.catalogue().lessons().indexOf(l) + 1;
        lessonName.setText((number > 0 ? "Lesson " + number + " · " : "") + l.title());
        stepCounter.setText("step " + (guide.stepIndex() + 1) + " of " + l.stepCount());
        stepTitle.setText(step.title());
        text.setText(step.text());
        watch.setText("Watch: " + step.watch());
        back.setDisable(guide.stepIndex() == 0);
        next.setDisable(guide.stepIndex() == l.stepCount() - 1);
        showQuestion(step.question());
    }

    /** The question, its answers as the vote and the run have marked them, and where it stands. */
    private void showQuestion(LessonQuestion q) {
        boolean asking = q != null;
        questionBox.setVisible(asking);
        questionBox.setManaged(asking);
        QuestionState state = guide.questionState();
        // What to watch would give the answer away: it appears once the run has started.
        boolean watchShown = !asking || state.phase() != QuestionState.Phase.ASKING;
        watch.setVisible(watchShown);
        watch.setManaged(watchShown);
        if (!asking) {
            shownQuestion = null;
            return;
        }
        if (q != shownQuestion) {
            shownQuestion = q;
            questionText.setText("Predict: " + q.text());
            answerButtons.clear();
            for (int i = 0; i < q.answers().size(); i++) {
                Button b = new Button();
                b.setId("lesson-answer-" + (i + 1));
                b.getStyleClass().add("lesson-answer");
                b.setWrapText(true);
                b.maxWidthProperty().bind(answerPane.widthProperty());
                // Space runs the step: an answer never keeps the keyboard focus.
                b.setFocusTraversable(false);
                b.setTooltip(new Tooltip("Mark the class's choice (click again to take it back)"));
                int answer = i;
                b.setOnAction(e -> guide.choose(answer));
                answerButtons.add(b);
            }
            answerPane.getChildren().setAll(answerButtons);
        }
        int chosen = guide.choice();
        boolean revealed = state.isRevealed();
        for (int i = 0; i < answerButtons.size(); i++) {
            Button b = answerButtons.get(i);
            boolean isTrue = revealed && i == state.trueAnswer();
            b.setText((isTrue ? "✓" : letter(i)) + "   " + q.answers().get(i));
            setStyle(b, "lesson-answer-chosen", i == chosen);
            setStyle(b, "lesson-answer-true", isTrue);
            setStyle(b, "lesson-answer-false", revealed && !isTrue);
        }
        String vote = chosen < 0 ? "" : "The class predicts " + letter(chosen) + ". ";
        questionStatus.setText(switch (state.phase()) {
            case ASKING, NONE -> vote + (chosen < 0 ? "Vote, then press Space to run the step." : "Press Space to run it.");
            case RUNNING -> vote + "The answer is revealed when the run ends.";
            case CHANGED -> "The experiment was changed, so this run cannot answer the question.";
            case REVEALED -> "✓ " + q.answers().get(state.trueAnswer()) + " — " + state.evidence() + "."
                    + (chosen < 0 ? "" : " You predicted " + letter(chosen) + ", " + q.answers().get(chosen)
                    + (chosen == state.trueAnswer() ? ": right!" : "."));
        });
        setStyle(questionStatus, "lesson-question-revealed", revealed);
    }

    private static String letter(int answer) {
        return String.valueOf((char) ('A' + answer));
    }

    private static void setStyle(javafx.scene.Node node, String styleClass, boolean on) {
        if (on && !node.getStyleClass().contains(styleClass)) {
            node.getStyleClass().add(styleClass);
        } else if (!on) {
            node.getStyleClass().remove(styleClass);
        }
    }

    /** The question with its answers and status (hidden while the step asks none). */
    javafx.scene.Node questionView() {
        return questionBox;
    }

    /** What the panel shows now, as text (for tests and the shortcuts overlay). */
    public String shownText() {
        if (guide.isPickerShowing()) {
            return "picker";
        }
        String question = questionBox.isVisible() ? questionText.getText() + "\n" + String.join("\n",
                answerButtons.stream().map(Button::getText).toList()) + "\n" + questionStatus.getText() + "\n" : "";
        return stepTitle.getText() + "\n" + text.getText() + "\n" + question + (watch.isVisible() ? watch.getText() : "");
    }
}
