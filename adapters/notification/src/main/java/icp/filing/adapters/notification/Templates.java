package icp.filing.adapters.notification;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message templates: Mustache files under {@code templates/} on the classpath, each replaceable by a file of the
 * same path in {@code icp.notification.templates-directory} (an operator's wording without a rebuild). HTML templates
 * escape the values; text templates (SMS, plain e-mail, subjects) take them as they are.
 */
@Singleton
final class Templates {
    private final Optional<Path> directory;
    private final DefaultMustacheFactory html = new DefaultMustacheFactory();
    private final DefaultMustacheFactory text = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

    Templates(@Value("${icp.notification.templates-directory:}") String directory) {
        this.directory = directory.isBlank() ? Optional.empty() : Optional.of(Path.of(directory));
    }

    /** Renders {@code templates/<path>} with the fields and the items (as {@code items}); "true" counts as true. */
    String render(String path, Map<String, String> fields, List<Map<String, String>> items) {
        Mustache template = compiled.computeIfAbsent(path, this::compile);
        Map<String, Object> scope = scope(fields);
        List<Map<String, Object>> list = new ArrayList<>();
        items.forEach(item -> list.add(scope(item)));
        scope.put("items", list);
        StringWriter out = new StringWriter();
        template.execute(out, scope);
        return out.toString();
    }

    /** Whether a template exists (an SMS is sent only for the messages that have an SMS template). */
    boolean exists(String path) {
        return directory.map(d -> Files.isRegularFile(d.resolve(path))).orElse(false)
                || Templates.class.getClassLoader().getResource("templates/" + path) != null;
    }

    private Mustache compile(String path) {
        DefaultMustacheFactory factory = path.endsWith(".html") ? html : text;
        return factory.compile(new StringReader(read(path)), path);
    }

    private String read(String path) {
        try {
            if (directory.isPresent() && Files.isRegularFile(directory.get().resolve(path))) {
                return Files.readString(directory.get().resolve(path), StandardCharsets.UTF_8);
            }
            try (InputStream in = Templates.class.getClassLoader().getResourceAsStream("templates/" + path)) {
                if (in == null) {
                    throw new IllegalStateException("no template " + path);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("template " + path + " unreadable", e);
        }
    }

    private static Map<String, Object> scope(Map<String, String> values) {
        Map<String, Object> scope = new HashMap<>();
        values.forEach((k, v) -> scope.put(k, "true".equals(v) ? Boolean.TRUE : v));
        return scope;
    }
}
