package icp.filing.adapters.notification;

import icp.filing.domain.identity.PhoneNumber;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS sink while no SMS centre is configured (the embedded default): each message is one log line (logger
 * {@code icp.sms}), the phone masked and the text in full, so that a person trying the system can read the code and
 * confirm. Not for production: a production start without an SMS centre is refused (see the bootstrap's checks).
 */
@Singleton
@Requires(missingProperty = "icp.sms.centre.host")
public class LogSmsCentre implements SmsCentre {
    private static final Logger SMS = LoggerFactory.getLogger("icp.sms");

    @Override
    public List<String> send(String phone, String text, String key) {
        SMS.info("SMS to {}: {}", PhoneNumber.masked(phone), text);
        return List.of();
    }
}
