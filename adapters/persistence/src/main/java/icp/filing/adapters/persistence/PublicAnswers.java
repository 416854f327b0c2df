package icp.filing.adapters.persistence;

import icp.filing.application.port.PublicRegister.Entry;
import icp.filing.domain.service.PreApprovalType;
import icp.filing.domain.service.ServiceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The public answer for one registrable domain, written beside the domain when the register changes so that a
 * public query is one read on the domain's unique key (the read model of V18). The text is length-prefixed
 * ({@code 5:abcde}, {@code -} for none, lists as a count and their items), so any name survives unescaped; it starts
 * with the format's version.
 */
final class PublicAnswers {
    private static final String VERSION = "1";

    private PublicAnswers() {
    }

    static String encode(List<Entry> entries) {
        StringBuilder out = new StringBuilder(256 * Math.max(1, entries.size()));
        out.append(VERSION).append(';').append(entries.size()).append(';');
        for (Entry e : entries) {
            text(out, e.subjectName());
            text(out, e.person() ? "1" : "0");
            text(out, e.natureName());
            text(out, e.subjectNumber());
            text(out, e.serviceNumber());
            text(out, e.kind().name());
            text(out, e.serviceName());
            list(out, e.domains());
            text(out, e.homeUrl());
            text(out, e.platform());
            text(out, e.appKey());
            // seconds and nanoseconds: Instant.parse would cost more than the rest of the answer
            text(out, e.approvedAt().getEpochSecond() + "." + e.approvedAt().getNano());
            list(out, e.preApprovals().stream().map(Enum::name).toList());
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException when the text is not an answer of this format */
    static List<Entry> decode(String answer) {
        Reader in = new Reader(answer);
        if (!VERSION.equals(in.until(';'))) {
            throw new IllegalArgumentException("public answer of an unknown format");
        }
        int count = Integer.parseInt(in.until(';'));
        List<Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(new Entry(in.text(), "1".equals(in.text()), in.text(), in.text(), in.text(),
                    ServiceKind.valueOf(in.text()), in.text(), in.list(), in.text(), in.text(), in.text(),
                    instant(in.text()), in.list().stream().map(PreApprovalType::valueOf).toList()));
        }
        return entries;
    }

    private static Instant instant(String secondsAndNanos) {
        int dot = secondsAndNanos.indexOf('.');
        return Instant.ofEpochSecond(Long.parseLong(secondsAndNanos, 0, dot, 10),
                Long.parseLong(secondsAndNanos, dot + 1, secondsAndNanos.length(), 10));
    }

    private static void text(StringBuilder out, String value) {
        if (value == null) {
            out.append('-');
        } else {
            out.append(value.length()).append(':').append(value);
        }
    }

    private static void list(StringBuilder out, List<String> values) {
        out.append(values.size()).append(';');
        values.forEach(v -> text(out, v));
    }

    /** Reads the fields back in the order they were written. */
    private static final class Reader {
        private final String s;
        private int at;

        Reader(String s) {
            this.s = s;
        }

        String until(char end) {
            int stop = s.indexOf(end, at);
            if (stop < 0) {
                throw new IllegalArgumentException("public answer cut short");
            }
            String value = s.substring(at, stop);
            at = stop + 1;
            return value;
        }

        String text() {
            if (s.charAt(at) == '-') {
                at++;
                return null;
            }
            int colon = s.indexOf(':', at);
            if (colon < 0) {
                throw new IllegalArgumentException("public answer cut short");
            }
            int length = Integer.parseInt(s, at, colon, 10);
            at = colon + 1;
            String value = s.substring(at, at + length);
            at += length;
            return value;
        }

        List<String> list() {
            int count = Integer.parseInt(until(';'));
            List<String> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(text());
            }
            return values;
        }
    }
}
