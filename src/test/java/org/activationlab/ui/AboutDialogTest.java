package org.activationlab.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Trainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.activationlab.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Help ▸ About: name, version (or "development build") and the bundled libraries' licences. */
@ExtendWith(ApplicationExtension.class)
class AboutDialogTest {

    private MainView view;

    @Start
    void start(Stage stage) {
        view = new MainView(new LabModel(new Trainer(ExperimentConfig.classic())));
        stage.setScene(ActivationLabApp.createScene(view));
        stage.show();
    }

    @AfterEach
    void shutDown() {
        onFx(() -> view.model().close());
    }

    @Test
    void versionComesFromTheManifestElseDevelopmentBuild() {
        assertEquals("development build", AboutDialog.versionOf(null));
        assertEquals("development build", AboutDialog.versionOf(" "));
        assertEquals("0.1.0", AboutDialog.versionOf("0.1.0"));
        // Tests run from classes, not from the jar: no manifest version.
        assertEquals("development build", AboutDialog.version());
    }

    @Test
    void theDialogNamesTheAppItsVersionAndEveryBundledLicence() {
        MenuItem about = onFx(() -> AboutDialog.install(view));
        assertTrue(onFx(() -> view.menu("Help").getItems().contains(about)));
        String text = onFx(() -> {
            Alert dialog = AboutDialog.dialog(view);
            return dialog.getHeaderText() + "\n" + ((TextArea) dialog.getDialogPane().getContent()).getText();
        });
        int rows = onFx(() -> ((TextArea) AboutDialog.dialog(view).getDialogPane().getContent()).getPrefRowCount());
        assertTrue(rows > AboutDialog.text("x").lines().count(), "every line shows without scrolling: " + rows);
        for (String expected : new String[] {"Activation Lab", "development build",
                "OpenJFX", "GPL v2 with the Classpath Exception", "EJML", "picocli", "Gson", "Apache License 2.0"}) {
            assertTrue(text.contains(expected), "About says " + expected + ": " + text);
        }
    }
}
