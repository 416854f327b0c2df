package icp.filing.bootstrap;

import icp.filing.application.port.SmsSender;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The principals' phones: the SMS centre is outside this machine, so tests keep what the system sends (through the
 * real log sink, which still writes its line) and confirm as the principals would.
 */
@Singleton
@Replaces(LogSmsSender.class)
public final class RecordingSmsSender implements SmsSender {
    private static final Pattern CODE = Pattern.compile("\\d{6}");
    private final LogSmsSender log = new LogSmsSender();
    private final List<String[]> received = new ArrayList<>();

    @Override
    public synchronized void send(String phone, String text) {
        log.send(phone, text);
        received.add(new String[] {phone, text});
    }

    /** The messages received since the last call, as (phone, code). */
    public synchronized List<String[]> drain() {
        List<String[]> codes = new ArrayList<>();
        for (String[] sms : received) {
            Matcher m = CODE.matcher(sms[1]);
            if (m.find()) {
                codes.add(new String[] {sms[0], m.group()});
            }
        }
        received.clear();
        return codes;
    }
}
