package cn.duijie.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The migration files come from the folder, in version order, and badly named or clashing files stop the start. */
class GraphMigrationFilesTest {

    @Test
    void theFolderIsListedInVersionOrder() {
        List<String> files = GraphMigrations.files();
        assertTrue(files.size() >= 2, files.toString());
        assertEquals("V0001__unique_keys.cypher", files.get(0));
        for (int i = 1; i < files.size(); i++) {
            assertTrue(GraphMigrations.versionNumber(files.get(i)) > GraphMigrations.versionNumber(files.get(i - 1)), files.toString());
        }
    }

    @Test
    void versionsSortAsNumbersNotText() {
        assertEquals(List.of("V2__b.cypher", "V0010__a.cypher", "V0020__c.cypher"),
                GraphMigrations.ordered(List.of("V0020__c.cypher", "V0010__a.cypher", "V2__b.cypher")));
    }

    @Test
    void aBadNameOrTwoFilesOfOneVersionAreErrors() {
        assertThrows(IllegalStateException.class, () -> GraphMigrations.ordered(List.of("V0001__a.cypher", "notes.txt")));
        assertThrows(IllegalStateException.class, () -> GraphMigrations.ordered(List.of("V0003__a.cypher", "V3__b.cypher")));
        assertThrows(IllegalStateException.class, () -> GraphMigrations.ordered(List.of()));
    }
}
