package cn.duijie.seed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duijie.common.CreditCode;
import cn.duijie.imports.ImportFile;

class SeedGeneratorTest {

    @TempDir
    Path a;
    @TempDir
    Path b;
    @TempDir
    Path c;

    @Test
    void theSameSeedAndSizeGiveByteIdenticalFilesAndAnotherSeedDoesNot() throws Exception {
        SeedGenerator.generate(a, 400, 7);
        SeedGenerator.generate(b, 400, 7);
        SeedGenerator.generate(c, 400, 8);
        for (ImportFile f : ImportFile.values()) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f.fileName())), Files.readAllBytes(b.resolve(f.fileName())), f.fileName());
        }
        assertNotEquals(Files.readString(a.resolve("enterprises.csv")), Files.readString(c.resolve("enterprises.csv")));
    }

    @Test
    void everyFirmHasAValidCreditCodeAndTheTierLadderIsBottomHeavy() throws Exception {
        SeedGenerator.generate(a, 3000, SeedGenerator.DEFAULT_SEED);
        List<String> rows = Files.readAllLines(a.resolve("enterprises.csv"));
        assertEquals(3001, rows.size());
        int none = 0;
        int giants = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            assertTrue(CreditCode.isValid(f[0]), f[0]);
            none += f[3].equals("NONE") || f[3].equals("POOL") ? 1 : 0;
            giants += f[3].equals("LITTLE_GIANT") || f[3].equals("CHAMPION") ? 1 : 0;
        }
        assertTrue(none > 2000, "most firms are NONE or POOL: " + none);
        assertTrue(giants < 150, "little giants and champions are rare: " + giants);
        assertTrue(Files.readAllLines(a.resolve("supplies.csv")).size() > 4000, "about 1.5 supply edges per firm");
    }
}
