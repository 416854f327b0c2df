package icp.filing.bootstrap;

import icp.filing.adapters.notification.LogSmsCentre;
import icp.filing.application.port.Outbox;
import icp.filing.application.port.OutboxMessage;
import icp.filing.application.usecase.RelayOutbox;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The principals' phones: the SMS centre is outside this machine, so tests keep what the system sends (through the
 * real log sink, which still writes its line) and confirm as the principals would. The suite runs without the
 * background relay; {@link #drain} runs it (and waits for a relay thread where a test runs one), so every committed
 * code has arrived when the test reads it.
 */
@Singleton
@Replaces(LogSmsCentre.class)
@Requires(missingProperty = "icp.sms.centre.host")
public final class RecordingSmsCentre extends LogSmsCentre {
    private static final Pattern CODE = Pattern.compile("\\d{6}");
    private final Provider<RelayOutbox> relay;
    private final Provider<Outbox> outbox;
    private final List<String[]> received = new ArrayList<>();

    RecordingSmsCentre(Provider<RelayOutbox> relay, Provider<Outbox> outbox) {
        this.relay = relay;
        this.outbox = outbox;
    }

    @Override
    public synchronized List<String> send(String phone, String text, String key) {
        super.send(phone, text, key);
        received.add(new String[] {phone, text, key});
        return List.of();
    }

    /** Relays what is due, and waits until a relay thread (where a test runs one) delivered the channel's entries. */
    static void settle(io.micronaut.context.ApplicationContext context, OutboxMessage.Channel channel) {
        settle(context.getBean(RelayOutbox.class), context.getBean(Outbox.class), channel);
    }

    private static void settle(RelayOutbox relay, Outbox outbox, OutboxMessage.Channel channel) {
        while (relay.deliverDue() > 0) {
            // until nothing is due
        }
        // the backlog, an index range over waiting entries: the full counts scan every delivered entry, and the
        // benchmark drains between its timed phases (its rows read per confirmation counted these scans)
        NotificationApiTest.await("the " + channel + " entries in the outbox delivered",
                () -> outbox.backlog().get(channel).pending() == 0);
    }

    /** The verification codes received since the last call, as (phone, code), once the outbox has been relayed. */
    public List<String[]> drain() {
        settle(relay.get(), outbox.get(), OutboxMessage.Channel.SMS);
        synchronized (this) {
            List<String[]> codes = new ArrayList<>();
            for (String[] sms : received) {
                Matcher m = CODE.matcher(sms[1]);
                if (sms[2].startsWith("code/") && m.find()) {
                    codes.add(new String[] {sms[0], m.group()});
                }
            }
            received.clear();
            return codes;
        }
    }
}
