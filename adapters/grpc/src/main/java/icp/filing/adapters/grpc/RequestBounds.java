package icp.filing.adapters.grpc;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import java.util.List;
import java.util.Map;

/**
 * Bounds every string and list of a request before any work is done on it, as the proto promises: no text longer
 * than {@value #MAX_TEXT} characters, no list longer than {@value #MAX_LIST} entries (fields that promise less are
 * held to it by the domain afterwards). A request breaking them is refused whole, with the field paths.
 */
final class RequestBounds {
    static final int MAX_TEXT = 1000;
    static final int MAX_LIST = 100;
    /** Deeper than any message of the contract nests; the parser bounds recursion before this. */
    private static final int MAX_DEPTH = 8;

    private RequestBounds() {
    }

    static void check(Message request) {
        check(request, "");
    }

    /** A part of a stream, whose fields are reported under {@code path}. */
    static void check(Message part, String path) {
        Violations violations = new Violations();
        walk(part, path, 0, violations);
        violations.throwIfAny();
    }

    private static void walk(Message message, String path, int depth, Violations violations) {
        if (depth > MAX_DEPTH) {
            violations.add(path, Reason.TOO_MANY, "嵌套过深 / nested too deeply");
            return;
        }
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            FieldDescriptor descriptor = field.getKey();
            String name = path.isEmpty() ? descriptor.getName() : path + "." + descriptor.getName();
            if (descriptor.isRepeated()) {
                List<?> values = (List<?>) field.getValue();
                if (values.size() > MAX_LIST) {
                    violations.add(name, Reason.TOO_MANY, "最多 " + MAX_LIST + " 项 / at most " + MAX_LIST + " entries");
                    continue;
                }
                for (int i = 0; i < values.size(); i++) {
                    value(values.get(i), name + "[" + i + "]", depth, violations);
                }
            } else {
                value(field.getValue(), name, depth, violations);
            }
        }
    }

    private static void value(Object value, String path, int depth, Violations violations) {
        if (value instanceof String text && text.length() > MAX_TEXT) {
            violations.add(path, Reason.TOO_LONG, "最多 " + MAX_TEXT + " 个字符 / at most " + MAX_TEXT + " characters");
        } else if (value instanceof Message nested) {
            walk(nested, path, depth + 1, violations);
        }
        // bytes (upload chunks) are bounded by the server's inbound message size
    }
}
