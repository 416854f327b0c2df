package icp.filing.bootstrap;

import icp.filing.application.port.SmsSender;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS sink until an SMS centre is configured: each message is one log line (logger {@code icp.sms}), the phone
 * masked (138****8000) and the text in full, so that a person trying the system can read the code and confirm.
 * Not for production: codes in a log are readable by whoever reads the log.
 */
@Singleton
final class LogSmsSender implements SmsSender {
    private static final Logger SMS = LoggerFactory.getLogger("icp.sms");

    @Override
    public void send(String phone, String text) {
        SMS.info("SMS to {}: {}", masked(phone), text);
    }

    static String masked(String phone) {
        return phone.length() < 8 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
