package icp.filing.bootstrap;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;

/**
 * Refuses to start a production deployment that would write SMS codes or e-mails into its log: with an external
 * database (anything but the embedded default) an SMS centre ({@code icp.sms.centre.host}) and a mail server
 * ({@code icp.mail.host}) must be configured, unless the operator says in so many words that the log sinks are meant
 * ({@code icp.sms.log-sink: true}, {@code icp.mail.log-sink: true}; a staging system, say).
 */
@Context
final class ProductionChannels {
    ProductionChannels(@Value("${datasources.default.url:}") String url,
                       @Value("${icp.sms.centre.host:}") String smsCentre,
                       @Value("${icp.sms.log-sink:false}") boolean smsLogSink,
                       @Value("${icp.mail.host:}") String mailHost,
                       @Value("${icp.mail.log-sink:false}") boolean mailLogSink) {
        if (url.startsWith(EmbeddedDatabaseListener.EMBEDDED)) {
            return;
        }
        if (smsCentre.isBlank() && !smsLogSink) {
            throw new ConfigurationException("""
                    no SMS centre configured: a system on an external database sends its SMS verification codes \
                    through one (icp.sms.centre.host, .port, .system-id, .password, .source-address; see README). \
                    Set icp.sms.log-sink=true only where codes may be written into the log.""");
        }
        if (mailHost.isBlank() && !mailLogSink) {
            throw new ConfigurationException("""
                    no mail server configured: a system on an external database sends its results by e-mail \
                    (icp.mail.host, .port, .tls, .username, .password, .from; see README). Set icp.mail.log-sink=true \
                    only where e-mails may be written into the log.""");
        }
    }
}
