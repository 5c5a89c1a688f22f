package org.activationlab.ui;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The undo stack on its own: order, redo, forgetting, merging, and no recording while undoing. */
class UndoHistoryTest {

    private long clock;
    private final UndoHistory history = new UndoHistory(() -> clock);
    private final List<String> log = new ArrayList<>();
    private double rate = 1e-3;

    /** A setter as the model has one: it records its own change. */
    private void setRate(double next) {
        history.recordChange("learning rate", rate, next, this::setRate);
        rate = next;
        log.add("rate " + next);
    }

    @Test
    void undoRevertsInReverseOrderAndRedoReappliesWithoutRecordingAgain() {
        setRate(1e-2);
        clock += 5_000;
        setRate(3e-2);
        assertEquals("learning rate", history.undoNameProperty().get());
        assertTrue(history.undo());
        assertEquals(1e-2, rate);
        assertTrue(history.undo());
        assertEquals(1e-3, rate);
        assertFalse(history.undo(), "nothing left");
        assertFalse(history.canUndoProperty().get());
        assertTrue(history.canRedoProperty().get());
        assertTrue(history.redo());
        assertTrue(history.redo());
        assertEquals(3e-2, rate);
        assertFalse(history.redo());
        // The setter ran during undo and redo but recorded nothing: two edits, as before.
        assertTrue(history.undo());
        assertTrue(history.undo());
        assertFalse(history.undo());
    }

    @Test
    void aNewEditForgetsWhatWasUndone() {
        setRate(1e-2);
        history.undo();
        clock += 5_000;
        setRate(5e-3);
        assertFalse(history.canRedoProperty().get());
        assertFalse(history.redo());
        history.undo();
        assertEquals(1e-3, rate);
    }

    @Test
    void quickChangesOfOneSettingAreOneEditButSlowOnesAreNot() {
        setRate(2e-3);
        clock += 100;
        setRate(3e-3);
        clock += 100;
        setRate(4e-3);
        history.undo();
        assertEquals(1e-3, rate, "three quick steps of a spinner undo as one");
        history.redo();
        assertEquals(4e-3, rate);
        clock += 5_000;
        setRate(5e-3);
        history.undo();
        assertEquals(4e-3, rate, "a change seconds later is an edit of its own");
    }

    @Test
    void anEditThatChangesNothingIsNotRecordedAndClearForgetsAll() {
        setRate(1e-3);
        assertFalse(history.canUndoProperty().get());
        setRate(1e-2);
        history.clear();
        assertFalse(history.undo());
        assertEquals("", history.undoNameProperty().get());
    }

    @Test
    void customEditsUndoAndRedo() {
        List<String> notes = new ArrayList<>();
        notes.add("kink");
        history.record(new UndoHistory.Edit() {
            @Override
            public String name() {
                return "note";
            }

            @Override
            public void undo() {
                notes.remove("kink");
            }

            @Override
            public void redo() {
                notes.add("kink");
            }
        });
        history.undo();
        assertTrue(notes.isEmpty());
        history.redo();
        assertEquals(List.of("kink"), notes);
    }
}
