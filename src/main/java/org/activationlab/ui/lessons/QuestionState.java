package org.activationlab.ui.lessons;

/**
 * Where the open step's question stands: asked (the class votes), being run, revealed (the run
 * has ended and its rule picked the answer that came true), or not answerable because the
 * experiment is no longer the step's own (an activation switched, a setting changed).
 *
 * @param phase      where it stands
 * @param trueAnswer the answer that came true, once revealed; else −1
 * @param evidence   the numbers that decided it, once revealed (e.g. "final MSE: ReLU 0.00213, …"); else ""
 */
public record QuestionState(Phase phase, int trueAnswer, String evidence) {

    public enum Phase {
        /** The step asks no question. */
        NONE,
        /** Before the run: the class votes. */
        ASKING,
        /** The step's run is under way. */
        RUNNING,
        /** The run has ended; {@link #trueAnswer} came true. */
        REVEALED,
        /** The experiment is not the step's own any more, so the run cannot answer the question. */
        CHANGED
    }

    public static final QuestionState NONE = new QuestionState(Phase.NONE, -1, "");
    public static final QuestionState ASKING = new QuestionState(Phase.ASKING, -1, "");
    public static final QuestionState RUNNING = new QuestionState(Phase.RUNNING, -1, "");
    public static final QuestionState CHANGED = new QuestionState(Phase.CHANGED, -1, "");

    public static QuestionState revealed(int trueAnswer, String evidence) {
        return new QuestionState(Phase.REVEALED, trueAnswer, evidence);
    }

    public boolean isRevealed() {
        return phase == Phase.REVEALED;
    }
}
