package icp.filing.application.port;

/** Sends an SMS. Implementations: a log sink until an SMS centre is configured; later an SMPP client. */
public interface SmsSender {
    void send(String phone, String text);
}
