package org.activationlab.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What the teacher changed, as a stack of small edits that each know how to revert themselves:
 * data edits, notes, experiment settings. Undo pops an edit and reverts it; redo applies it
 * again; a new edit forgets what was undone. Edits recorded while an undo or redo runs (the
 * setter the edit calls records again) are ignored. FX thread only.
 */
public final class UndoHistory {

    /** One change the user made. */
    public interface Edit {
        /** What it changed, for the menu: "Undo learning rate". */
        String name();

        void undo();

        void redo();

        /**
         * This edit followed at once by {@code next} as one edit, or null if they stay two (a
         * spinner's arrow held down is one edit, not twenty).
         */
        default Edit mergedWith(Edit next) {
            return null;
        }
    }

    /**
     * A setting changed from one value to another; applying a value is the whole edit. Quick
     * changes of the same setting merge into one if {@code merges}.
     */
    public record Change<T>(String name, T before, T after, Consumer<T> apply, long at, boolean merges)
            implements Edit {
        @Override
        public void undo() {
            apply.accept(before);
        }

        @Override
        public void redo() {
            apply.accept(after);
        }

        @Override
        public Edit mergedWith(Edit next) {
            if (merges && next instanceof Change<?> c && c.merges && c.name.equals(name) && c.at - at <= MERGE_MS
                    && Objects.equals(c.before, after)) {
                @SuppressWarnings("unchecked")
                T nextAfter = (T) c.after;
                return new Change<>(name, before, nextAfter, apply, c.at, true);
            }
            return null;
        }
    }

    /** Changes of one setting closer together than this are one edit (a held spinner arrow). */
    static final long MERGE_MS = 800;
    /** Older edits are forgotten beyond this many. */
    static final int LIMIT = 200;

    private final Deque<Edit> undoStack = new ArrayDeque<>();
    private final Deque<Edit> redoStack = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoName = new ReadOnlyStringWrapper(this, "undoName", "");
    private final ReadOnlyStringWrapper redoName = new ReadOnlyStringWrapper(this, "redoName", "");
    private final javafx.beans.property.ReadOnlyLongWrapper version =
            new javafx.beans.property.ReadOnlyLongWrapper(this, "version");
    private final LongSupplier clockMs;
    private boolean applying;

    public UndoHistory() {
        this(System::currentTimeMillis);
    }

    /** With a clock of its own, for tests of merging. */
    UndoHistory(LongSupplier clockMs) {
        this.clockMs = clockMs;
    }

    /** Milliseconds now, the time stamp of a {@link Change}. */
    public long now() {
        return clockMs.getAsLong();
    }

    /**
     * Records a setting's change from {@code before} to {@code after} (nothing if equal), which
     * {@code apply} makes; quick changes of one setting (a spinner's arrow held) merge into one.
     */
    public <T> void recordChange(String name, T before, T after, Consumer<T> apply) {
        if (!Objects.equals(before, after)) {
            record(new Change<>(name, before, after, apply, now(), true));
        }
    }

    /** As {@link #recordChange}, but never merged: each point added is an edit of its own. */
    public <T> void recordStep(String name, T before, T after, Consumer<T> apply) {
        if (!Objects.equals(before, after)) {
            record(new Change<>(name, before, after, apply, now(), false));
        }
    }

    /** Records an edit the user just made; ignored while an undo or redo is applying. */
    public void record(Edit edit) {
        if (applying) {
            return;
        }
        Edit top = undoStack.peek();
        Edit merged = top == null || !redoStack.isEmpty() ? null : top.mergedWith(edit);
        if (merged != null) {
            undoStack.pop();
            edit = merged;
        }
        undoStack.push(edit);
        while (undoStack.size() > LIMIT) {
            undoStack.removeLast();
        }
        redoStack.clear();
        update();
    }

    /** Reverts the newest edit; false if there was none. */
    public boolean undo() {
        Edit edit = undoStack.poll();
        if (edit == null) {
            return false;
        }
        apply(edit::undo);
        redoStack.push(edit);
        update();
        return true;
    }

    /** Applies the newest undone edit again; false if there was none. */
    public boolean redo() {
        Edit edit = redoStack.poll();
        if (edit == null) {
            return false;
        }
        apply(edit::redo);
        undoStack.push(edit);
        update();
        return true;
    }

    /** Forgets every edit (a new experiment: a file or a lesson opened). */
    public void clear() {
        undoStack.clear();
        redoStack.clear();
        update();
    }

    private void apply(Runnable action) {
        applying = true;
        try {
            action.run();
        } finally {
            applying = false;
        }
    }

    private void update() {
        version.set(version.get() + 1);
        canUndo.set(!undoStack.isEmpty());
        canRedo.set(!redoStack.isEmpty());
        undoName.set(undoStack.isEmpty() ? "" : undoStack.peek().name());
        redoName.set(redoStack.isEmpty() ? "" : redoStack.peek().name());
    }

    /** Changes whenever an edit is recorded, undone, redone or forgotten. */
    public javafx.beans.property.ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** The name of the edit {@link #undo()} would revert, "" if none. */
    public ReadOnlyStringProperty undoNameProperty() {
        return undoName.getReadOnlyProperty();
    }

    /** The name of the edit {@link #redo()} would apply, "" if none. */
    public ReadOnlyStringProperty redoNameProperty() {
        return redoName.getReadOnlyProperty();
    }

    /** Whether an undo or redo is being applied now (changes then are not new edits). */
    public boolean isApplying() {
        return applying;
    }
}
