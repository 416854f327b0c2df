package icp.filing.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.StringResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations a build carries, read as Flyway records them, from a folder (tests, an IDE) and from a jar (the
 * packaged system): versions, descriptions, and checksums equal to Flyway's own for the same text, whatever its line
 * breaks and byte order mark.
 */
class BundledMigrationsTest {
    private static final Map<String, String> FILES = new LinkedHashMap<>(Map.of(
            "V1__filing_core.sql", "CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n",
            "V2__中文_and_crlf.sql", "\uFEFF-- 备案\r\nALTER TABLE a ADD COLUMN name VARCHAR(10);\r\n",
            "V3_1__dotted.sql", "SELECT 1;")); // no line break at the end

    @TempDir
    Path dir;

    @Test
    void aFolderOfMigrationsIsReadAsFlywayRecordsIt() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("classes/db/migration"));
        for (var file : FILES.entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        assertAsFlywayRecords(read(dir.resolve("classes").toUri().toURL()));
    }

    @Test
    void aJarOfMigrationsIsReadAsFlywayRecordsIt() throws IOException {
        Path jar = dir.resolve("system.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("db/"));
            out.putNextEntry(new JarEntry("db/migration/"));
            for (var file : FILES.entrySet()) {
                out.putNextEntry(new JarEntry("db/migration/" + file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
            }
            out.putNextEntry(new JarEntry("db/migration/nested/V9__not_listed.sql"));
            out.write("SELECT 9;".getBytes(StandardCharsets.UTF_8));
        }
        assertAsFlywayRecords(read(jar.toUri().toURL()));
    }

    @Test
    void anythingButVersionedSqlLeavesTheJudgementToFlyway() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("classes/db/migration"));
        Files.writeString(folder.resolve("V1__core.sql"), "SELECT 1;");
        Files.writeString(folder.resolve("R__views.sql"), "SELECT 2;");
        assertEquals(Optional.empty(), read(dir.resolve("classes").toUri().toURL()), "a repeatable migration");
    }

    private static Optional<Map<String, BundledMigrations.Migration>> read(URL root) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root}, null)) {
            return BundledMigrations.read(loader);
        }
    }

    private static void assertAsFlywayRecords(Optional<Map<String, BundledMigrations.Migration>> read) {
        assertTrue(read.isPresent(), "listed");
        Map<String, BundledMigrations.Migration> migrations = read.get();
        assertEquals(Map.of(
                "1", new BundledMigrations.Migration("1", "filing core", flyway(FILES.get("V1__filing_core.sql"))),
                "2", new BundledMigrations.Migration("2", "中文 and crlf",
                        flyway(FILES.get("V2__中文_and_crlf.sql"))),
                "3.1", new BundledMigrations.Migration("3.1", "dotted", flyway(FILES.get("V3_1__dotted.sql")))),
                migrations);
    }

    /** The checksum Flyway itself computes and records for this text. */
    private static int flyway(String text) {
        return ChecksumCalculator.calculate(new StringResource(text));
    }
}
