package org.activationlab.ui.experiment;

import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.activationlab.engine.Activations;
import org.activationlab.training.ExperimentCode.Framework;
import org.activationlab.ui.FxTestSupport;
import org.activationlab.ui.MainView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.activationlab.ui.FxTestSupport.awaitFx;
import static org.activationlab.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** View ▸ As code: the current experiment's scripts, Copy and Save. */
@ExtendWith(ApplicationExtension.class)
class ExperimentCodeDialogTest {

    @TempDir
    Path dir;

    private MainView view;
    private ExperimentCodeDialog code;

    @Start
    void start(Stage stage) {
        view = FxTestSupport.showMainView(stage);
        code = ExperimentCodeDialog.install(view);
    }

    @Stop
    void stop() {
        onFx(() -> code.close());
        FxTestSupport.shutDown(view);
    }

    @Test
    void theMenuOpensTheScriptsOfTheExperimentAsItIsNow(FxRobot robot) throws Exception {
        onFx(() -> view.model().setWidth(24));
        awaitFx("width 24 applied", () -> view.model().trainer().latest().config().network().width() == 24,
                () -> "width " + view.model().trainer().latest().config().network().width());
        MenuItem item = onFx(() -> view.menu("View").getItems().stream()
                .filter(i -> "menu-as-code".equals(i.getId())).findFirst().orElse(null));
        assertNotNull(item, "View ▸ As code is missing");
        onFx(item::fire);
        awaitFx("the dialog shows", () -> code.isShowing(), () -> "not showing");
        TextArea keras = (TextArea) robot.lookup("#code-text-keras").query();
        assertTrue(keras.getText().contains("WIDTH = 24 "), keras.getText());
        assertTrue(keras.getText().contains("from tensorflow import keras"));
        assertTrue(onFx(() -> code.text(Framework.PYTORCH)).contains("import torch"));

        onFx(() -> code.select(Framework.PYTORCH));
        onFx(() -> robot.lookup("#code-copy").queryButton().fire());
        assertEquals(onFx(() -> code.text(Framework.PYTORCH)), onFx(() -> Clipboard.getSystemClipboard().getString()));

        // A later change shows the next time it opens.
        onFx(() -> view.model().selectActivation(Activations.TANH));
        awaitFx("tanh applied", () -> view.model().trainer().latest().config().activation() == Activations.TANH,
                () -> "still " + view.model().trainer().latest().config().activation());
        onFx(item::fire);
        assertTrue(onFx(() -> code.text(Framework.PYTORCH)).contains("\"tanh\": lambda: nn.Tanh(),"));
    }

    @Test
    void saveWritesTheScriptInFrontAndReportsAFileThatCannotBeWritten() throws Exception {
        onFx(() -> code.show());
        onFx(() -> code.select(Framework.KERAS));
        Path file = dir.resolve("lab.py");
        assertEquals(null, onFx(() -> code.save(file)));
        assertEquals(onFx(() -> code.text(Framework.KERAS)), Files.readString(file));
        assertTrue(Files.readString(file).startsWith("# Activation Lab experiment as a Keras"));

        Path blocked = dir.resolve("a-directory");
        Files.createDirectory(blocked);
        String error = onFx(() -> code.save(blocked.resolve("missing-dir").resolve("x.py")));
        assertNotNull(error);
        assertFalse(Files.exists(blocked.resolve("missing-dir")));
    }
}
