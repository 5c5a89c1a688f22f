package org.activationlab.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine and the training loop know nothing of JavaFX or of the layers above them: engine
 * may import neither training, ui, cli nor app; training may import neither ui, cli nor app.
 */
class ArchitectureTest {

    private static final Path SOURCES = Paths.get("src", "main", "java", "org", "activationlab");
    /** Imports (plain or static) and fully qualified uses in code. */
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void engineUsesNoJavaFxAndNoHigherLayer() throws IOException {
        List<String> violations = check("engine", List.of("javafx.", "org.activationlab.training.",
                "org.activationlab.ui.", "org.activationlab.cli.", "org.activationlab.app."));
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    @Test
    void trainingUsesNoJavaFxAndNoHigherLayer() throws IOException {
        List<String> violations = check("training", List.of("javafx.",
                "org.activationlab.ui.", "org.activationlab.cli.", "org.activationlab.app."));
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    @Test
    void theCheckSeesTheSources() throws IOException {
        assertTrue(javaFiles("engine").size() >= 20, "engine sources not found under " + SOURCES.toAbsolutePath());
        assertTrue(javaFiles("training").size() >= 5, "training sources not found");
        // and would catch an import
        Matcher m = IMPORT.matcher("package x;\nimport javafx.scene.Node;\nimport static javafx.application.Platform.runLater;\n");
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        assertTrue(found.equals(List.of("javafx.scene.Node", "javafx.application.Platform.runLater")), found.toString());
    }

    private static List<Path> javaFiles(String pkg) throws IOException {
        Path root = SOURCES.resolve(pkg);
        assertTrue(Files.isDirectory(root), root.toAbsolutePath() + " missing");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static List<String> check(String pkg, List<String> forbidden) throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles(pkg)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                String imported = m.group(1) + ".";
                for (String prefix : forbidden) {
                    if (imported.startsWith(prefix)) {
                        violations.add(file + " imports " + m.group(1));
                    }
                }
            }
            // fully qualified use without an import, e.g. "javafx.application.Platform.runLater(...)"
            for (String prefix : forbidden) {
                Matcher q = Pattern.compile("(?<![\\w.])" + Pattern.quote(prefix) + "\\w").matcher(stripComments(text));
                if (q.find() && !text.contains("import " + prefix)) {
                    violations.add(file + " uses " + prefix + "… fully qualified");
                }
            }
        }
        return violations;
    }

    /** Removes comments so that a doc comment mentioning javafx does not count. */
    private static String stripComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }
}
