package org.activationlab.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicOutputTest {

    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (var list = Files.list(dir)) {
            return list.toList();
        }
    }

    @Test
    void targetAppearsOnlyOnCommitAndReplacesTheOldFile() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old\n");

        try (AtomicOutput out = AtomicOutput.open(target, "--csv out.csv")) {
            out.println("a,b");
            out.println("1,2");
            assertEquals("old\n", Files.readString(target), "untouched until commit");
            assertEquals(2, files().size(), "a hidden temporary file beside the target");
            out.commit();
        }
        assertEquals("a,b\n1,2\n", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void closingWithoutCommitLeavesTheTargetAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old\n");

        try (AtomicOutput out = AtomicOutput.open(target, "--csv out.csv")) {
            out.println("partial");
        }
        assertEquals("old\n", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void missingDirectoryIsAUsageError() {
        AtomicOutput.OutputFileException e = assertThrows(AtomicOutput.OutputFileException.class,
                () -> AtomicOutput.open(dir.resolve("x").resolve("y.csv"), "--csv x/y.csv"));
        assertTrue(e.getMessage().startsWith("cannot write --csv x/y.csv: directory "), e.getMessage());
    }

    @Test
    void bytesGoThroughTheStreamAndAppearOnlyOnCommit() throws IOException {
        Path target = dir.resolve("image.png");
        try (AtomicOutput out = AtomicOutput.open(target, "image.png")) {
            out.stream().write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff});
            assertEquals(false, Files.exists(target));
            out.commit();
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff},
                Files.readAllBytes(target));
        assertEquals(List.of(target), files());
    }
}
