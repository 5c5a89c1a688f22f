package org.activationlab.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Temporary files of atomic outputs: short enough for long legal names, gone after Ctrl+C or SIGTERM. */
class AtomicOutputCleanupTest {

    @TempDir
    Path dir;

    private List<Path> temps() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void legalNamesOf245To255BytesCanBeWritten() throws Exception {
        for (String name : List.of("a".repeat(245) + ".csv", "b".repeat(251) + ".csv", "ü".repeat(125) + "x.csv")) {
            assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 255, name);
            Path target = dir.resolve(name);
            try (AtomicOutput out = AtomicOutput.open(target, name)) {
                out.println("x,y");
                out.commit();
            }
            assertEquals("x,y\n", Files.readString(target));
            String temp = AtomicOutput.tempName(name, "0123456789ab");
            assertTrue(temp.getBytes(StandardCharsets.UTF_8).length <= 255, temp);
            assertTrue(temp.startsWith("." + name.substring(0, 10)) && temp.endsWith(".0123456789ab.tmp"), temp);
        }
        assertEquals(List.of(), temps());
    }

    @Test
    void aTrainRunStoppedBySigtermLeavesNoTemporaryFile() throws Exception {
        Path csv = dir.resolve("o.csv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.activationlab.cli.ActivationLabCommand", "train", "--epochs", "1000000", "-q",
                "--csv", csv.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (temps().isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(p.isAlive(), "the run ended early: " + Files.readString(dir.resolve("log.txt")));
            assertEquals(1, temps().size(), "the run writes its CSV to a temporary file first");
            p.destroy(); // SIGTERM, as Ctrl+C's SIGINT: the JVM runs its shutdown hooks
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        assertEquals(List.of(), temps(), "the temporary file was deleted on shutdown");
        assertTrue(Files.notExists(csv), "and no half-written CSV appeared");
    }

    @Test
    void aDeviceOrPipeIsNeverReplaced() throws Exception {
        Path pipe = dir.resolve("pipe.csv");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
        AtomicOutput.OutputFileException e = org.junit.jupiter.api.Assertions.assertThrows(
                AtomicOutput.OutputFileException.class, () -> AtomicOutput.open(pipe, "--csv " + pipe));
        assertEquals("cannot write --csv " + pipe + ": it is not a regular file (a device, a named pipe or a socket)",
                e.getMessage());
        assertTrue(Files.exists(pipe) && !Files.isRegularFile(pipe), "the pipe is still a pipe");
        assertEquals(List.of(), temps());
    }
}
