package io.habeas.suite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadProgressTest {

    @TempDir
    Path folder;

    @Test
    void aNewFolderStartsAtTheBeginning() {
        LoadProgress progress = LoadProgress.in(folder, 15, 1_000, 2_000);
        assertEquals(0, progress.personsDone());
        assertEquals(0, progress.statementItemsDone());
    }

    @Test
    void aLaterRunGoesOnWhereTheLastAnswerLeftIt() {
        LoadProgress first = LoadProgress.in(folder, 15, 1_000, 2_000);
        first.personsDone(500);
        first.personsDone(1_000);
        first.statementItemsDone(250);

        LoadProgress later = LoadProgress.in(folder, 15, 1_000, 2_000);
        assertEquals(1_000, later.personsDone());
        assertEquals(250, later.statementItemsDone());
        assertTrue(Files.isRegularFile(folder.resolve("load-progress.properties")));
        assertTrue(Files.notExists(folder.resolve("load-progress.properties.new")), "written by an atomic move");
    }

    @Test
    void aFolderPartlyLoadedWithAnotherLoadIsRefused() {
        LoadProgress.in(folder, 15, 1_000, 2_000).personsDone(10);
        for (int[] other : new int[][] {{16, 1_000, 2_000}, {15, 2_000, 2_000}, {15, 1_000, 20}}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> LoadProgress.in(folder, other[0], other[1], other[2]));
            assertTrue(refused.getMessage().contains("another load"), refused.getMessage());
        }
    }
}
