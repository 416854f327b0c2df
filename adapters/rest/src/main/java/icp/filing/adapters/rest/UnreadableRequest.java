package icp.filing.adapters.rest;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in the caller's terms why a request could not be read: which parameter and what it should be, or where in the
 * body the JSON went wrong and what was expected there. The parser's own words (token names, Java classes) never
 * reach the caller.
 */
final class UnreadableRequest {
    private static final Pattern POSITION = Pattern.compile("line: (\\d{1,9}), column: (\\d{1,9})");
    private static final Pattern EXPECTED = Pattern.compile("expected (START_ARRAY|START_OBJECT|VALUE_STRING|"
            + "VALUE_NUMBER_INT|VALUE_NUMBER_FLOAT|VALUE_TRUE|VALUE_FALSE|FIELD_NAME|close marker)");

    /** A field (empty for the body as a whole) and a message in Chinese and English. */
    record Explanation(String field, String message) {
    }

    private UnreadableRequest() {
    }

    static Explanation explain(Optional<Throwable> cause) {
        ConversionErrorException conversion = find(cause.orElse(null), ConversionErrorException.class);
        if (conversion != null && !"body".equals(conversion.getArgument().getName())) {
            Argument<?> argument = conversion.getArgument();
            String[] type = typeName(argument.getType());
            return new Explanation(argument.getName(), "参数 " + argument.getName() + " 的值无效，应为" + type[0]
                    + " / " + argument.getName() + " must be " + type[1]);
        }
        String text = messages(cause.orElse(null));
        Matcher position = POSITION.matcher(text);
        String where = position.find() ? "第 " + position.group(1) + " 行第 " + position.group(2) + " 列" : "";
        String whereEn = position.find(0) ? " at line " + position.group(1) + ", column " + position.group(2) : "";
        Matcher expected = EXPECTED.matcher(text);
        String[] what = expected.find() ? token(expected.group(1)) : null;
        String zh = "请求体不是预期结构的 JSON" + (where.isEmpty() ? "" : "（" + where + (what == null ? "" : "应为" + what[0])
                + "）");
        String en = "the body is not JSON of the expected shape" + whereEn + (what == null ? "" : ": " + what[1]
                + " expected");
        return new Explanation("", zh + " / " + en);
    }

    private static String[] typeName(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return new String[] {"整数", "an integer"};
        } else if (type == Boolean.class || type == boolean.class) {
            return new String[] {"true 或 false", "true or false"};
        }
        return new String[] {"有效值", "a valid value"};
    }

    private static String[] token(String token) {
        return switch (token.toUpperCase(Locale.ROOT)) {
            case "START_ARRAY" -> new String[] {"列表", "a list"};
            case "START_OBJECT", "FIELD_NAME" -> new String[] {"对象", "an object"};
            case "VALUE_STRING" -> new String[] {"文本", "a text"};
            case "VALUE_NUMBER_INT", "VALUE_NUMBER_FLOAT" -> new String[] {"数字", "a number"};
            case "VALUE_TRUE", "VALUE_FALSE" -> new String[] {"true 或 false", "true or false"};
            default -> new String[] {"完整的 JSON", "complete JSON"};
        };
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String messages(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null && all.length() < 4000; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
