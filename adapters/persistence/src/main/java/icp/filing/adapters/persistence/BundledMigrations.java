package icp.filing.adapters.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The versioned SQL migrations this build carries ({@value #LOCATION} on the class path), each with the version,
 * description and checksum Flyway records for it, so that a start can tell a current schema from Flyway's own history
 * without loading Flyway.
 */
final class BundledMigrations {
    static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");

    /** One migration as {@code flyway_schema_history} records it. */
    record Migration(String version, String description, int checksum) {
    }

    private BundledMigrations() {
    }

    /**
     * @return the migrations by version, or empty when they cannot be listed here or include anything but versioned
     *         SQL files (a repeatable migration, a name Flyway reads otherwise): Flyway is then left to judge
     */
    static Optional<Map<String, Migration>> read(ClassLoader loader) {
        try {
            List<String> names = new ArrayList<>();
            for (URL url : Collections.list(loader.getResources(LOCATION))) {
                if (!list(url, names)) {
                    return Optional.empty();
                }
            }
            Map<String, Migration> migrations = new HashMap<>();
            for (String name : names) {
                Matcher versioned = VERSIONED.matcher(name);
                if (!versioned.matches()) {
                    return Optional.empty();
                }
                String version = versioned.group(1).replace('_', '.');
                Migration migration = new Migration(version, versioned.group(2).replace('_', ' '),
                        checksum(loader, LOCATION + "/" + name));
                if (migrations.put(version, migration) != null) {
                    return Optional.empty();
                }
            }
            return Optional.of(migrations);
        } catch (IOException | UncheckedIOException | URISyntaxException unreadable) {
            return Optional.empty();
        }
    }

    /** Adds the file names directly under the location at this URL; false when its kind cannot be listed. */
    private static boolean list(URL url, List<String> names) throws IOException, URISyntaxException {
        switch (url.getProtocol()) {
            case "file" -> {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    files.filter(Files::isRegularFile).forEach(file -> names.add(file.getFileName().toString()));
                }
                return true;
            }
            case "jar" -> {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                String prefix = LOCATION + "/";
                try (JarFile jar = connection.getJarFile()) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        String entry = entries.nextElement().getName();
                        if (entry.startsWith(prefix) && entry.length() > prefix.length()
                                && entry.indexOf('/', prefix.length()) < 0) {
                            names.add(entry.substring(prefix.length()));
                        }
                    }
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Flyway's checksum of a SQL migration: a CRC-32 over its lines read as UTF-8, without their line breaks, a byte
     * order mark dropped from the first. (Flyway computes the same in {@code ChecksumCalculator}; a start that no
     * longer finds its schema current after a Flyway upgrade shows a change here, and is slower, not wrong.)
     */
    static int checksum(ClassLoader loader, String resource) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("not found: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096);
            String line = reader.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = reader.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return (int) crc.getValue();
    }
}
