package org.activationlab;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tests start the real app, which remembers its window size, theme and recent files in the
 * user's preferences; the build points java.util.prefs at a folder under target/ so that running
 * the tests never changes what a teacher saved.
 */
class PreferencesIsolationTest {

    @Test
    void preferencesWrittenByTestsLandUnderTheBuildFolder() throws Exception {
        String root = System.getProperty("java.util.prefs.userRoot");
        assertNotNull(root, "java.util.prefs.userRoot must be set for the tests (pom.xml argLine)");
        Path testRoot = Path.of(root).toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        assertFalse(testRoot.equals(home), "tests would write the user's own preferences");
        assertTrue(testRoot.endsWith("test-prefs"), testRoot.toString());

        String name = "isolation-" + UUID.randomUUID();
        Preferences node = Preferences.userRoot().node("org/activationlab-test/" + name);
        node.put("written", "yes");
        node.flush();
        try {
            Path expected = testRoot.resolve(".java/.userPrefs/org/activationlab-test/" + name);
            assertTrue(Files.isDirectory(expected), "preferences were not written under " + testRoot);
            assertFalse(Files.exists(home.resolve(".java/.userPrefs/org/activationlab-test/" + name)),
                    "preferences were written under the user's home");
        } finally {
            node.removeNode();
            Preferences.userRoot().flush();
        }
    }
}
