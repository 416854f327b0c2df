package icp.filing.adapters.notification;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A text as UCS-2 short messages (data coding 0x08): up to 70 characters in one; a longer text in parts of 67 with a
 * concatenation header (UDH 05 00 03 ref total seq), never splitting a surrogate pair, so the phone joins them whole.
 */
final class SmsSegments {
    static final int SINGLE = 70;
    static final int PART = 67;
    private static final int MAX_PARTS = 255;

    private SmsSegments() {
    }

    /** The short messages' bodies (UDH included when there is more than one part). */
    static List<byte[]> of(String text, int reference) {
        if (text.length() <= SINGLE) {
            return List.of(text.getBytes(StandardCharsets.UTF_16BE));
        }
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + PART);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            chunks.add(text.substring(start, end));
            start = end;
        }
        if (chunks.size() > MAX_PARTS) {
            throw new IllegalArgumentException("an SMS of " + chunks.size() + " parts; at most " + MAX_PARTS);
        }
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            byte[] body = chunks.get(i).getBytes(StandardCharsets.UTF_16BE);
            byte[] part = new byte[6 + body.length];
            part[0] = 0x05;
            part[1] = 0x00;
            part[2] = 0x03;
            part[3] = (byte) reference;
            part[4] = (byte) chunks.size();
            part[5] = (byte) (i + 1);
            System.arraycopy(body, 0, part, 6, body.length);
            parts.add(part);
        }
        return parts;
    }
}
