package org.activationlab.ui.files;

/**
 * Asks what to do with unsaved changes before they would be lost (New, Open, closing the
 * window, Quit). The app asks with {@link UnsavedChangesDialog}; tests answer with a lambda.
 */
@FunctionalInterface
public interface UnsavedChangesPrompt {

    /** The answers, as the dialog's buttons say them. */
    enum Choice {
        /** Save (Save As if the experiment has no file yet), then go on if the save succeeded. */
        SAVE,
        /** Go on; the changes are lost. */
        DONT_SAVE,
        /** Do nothing: the experiment and the window stay as they are. */
        CANCEL
    }

    /**
     * Asks the user; blocks until answered.
     *
     * @param name the experiment's name as the user knows it: the file's name, or "Untitled"
     */
    Choice ask(String name);
}
