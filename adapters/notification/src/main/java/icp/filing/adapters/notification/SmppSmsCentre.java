package icp.filing.adapters.notification;

import icp.filing.application.port.Courier.DeliveryFailedException;
import icp.filing.application.port.Outbox;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMS centre over SMPP 3.4 (jSMPP): one transceiver session, bound on first use and again after it breaks. Texts go
 * as UCS-2 in concatenated parts ({@link SmsSegments}); each part asks for a delivery receipt and carries the outbox
 * entry's idempotency key in a vendor-specific TLV ({@link #IDEMPOTENCY_TAG}), which centres of ours de-duplicate on.
 * Receipts the centre sends back (deliver_sm) are recorded against the part's message id.
 */
@Singleton
@Requires(property = "icp.sms.centre.host")
public class SmppSmsCentre implements SmsCentre {
    /** TLV tag of the idempotency key, in SMPP 3.4's vendor-specific range 0x1400–0x3FFF. */
    public static final short IDEMPOTENCY_TAG = 0x1401;
    private static final Logger LOG = LoggerFactory.getLogger(SmppSmsCentre.class);
    /** ESME_RINVDSTADR, ESME_RINVSRCADR: an address the centre will never take. */
    private static final int INVALID_DESTINATION = 0x0B;
    private static final int INVALID_SOURCE = 0x0A;

    private final String host;
    private final int port;
    private final BindParameter bind;
    private final String sourceAddress;
    private final Duration timeout;
    private final Outbox outbox;
    private final Clock clock;
    private SMPPSession session;

    SmppSmsCentre(@Value("${icp.sms.centre.host}") String host,
                  @Value("${icp.sms.centre.port:2775}") int port,
                  @Value("${icp.sms.centre.system-id}") String systemId,
                  @Value("${icp.sms.centre.password:}") String password,
                  @Value("${icp.sms.centre.system-type:}") String systemType,
                  @Value("${icp.sms.centre.source-address}") String sourceAddress,
                  @Value("${icp.sms.centre.timeout:10s}") Duration timeout,
                  Outbox outbox, Clock clock) {
        this.host = host;
        this.port = port;
        this.bind = new BindParameter(BindType.BIND_TRX, systemId, password, systemType, TypeOfNumber.UNKNOWN,
                NumberingPlanIndicator.UNKNOWN, null);
        this.sourceAddress = sourceAddress;
        this.timeout = timeout;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public synchronized List<String> send(String phone, String text, String key) {
        SMPPSession bound = session();
        List<byte[]> parts = SmsSegments.of(text, ThreadLocalRandom.current().nextInt(256));
        ESMClass esm = parts.size() == 1 ? new ESMClass()
                : new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);
        List<String> ids = new ArrayList<>();
        try {
            for (byte[] part : parts) {
                ids.add(bound.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                        sourceAddress, TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, phone, esm, (byte) 0,
                        (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                        new GeneralDataCoding(Alphabet.ALPHA_UCS2), (byte) 0, part,
                        new OptionalParameter.OctetString(IDEMPOTENCY_TAG, key)).getMessageId());
            }
            return ids;
        } catch (NegativeResponseException e) {
            boolean permanent = e.getCommandStatus() == INVALID_DESTINATION || e.getCommandStatus() == INVALID_SOURCE;
            throw new DeliveryFailedException("SMS centre refused: status 0x" + Integer.toHexString(
                    e.getCommandStatus()), permanent, e);
        } catch (Exception e) {
            // the session is in doubt: the next message binds a new one
            close();
            throw new DeliveryFailedException("SMS centre unreachable: " + e.getMessage(), false, e);
        }
    }

    private SMPPSession session() {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        close();
        SMPPSession fresh = new SMPPSession();
        fresh.setTransactionTimer(timeout.toMillis());
        fresh.setEnquireLinkTimer(30_000);
        fresh.setMessageReceiverListener(new Receipts());
        try {
            fresh.connectAndBind(host, port, bind, timeout.toMillis());
        } catch (IOException e) {
            fresh.close();
            throw new DeliveryFailedException("SMS centre " + host + ":" + port + " unreachable: " + e.getMessage(),
                    false, e);
        }
        session = fresh;
        return fresh;
    }

    @PreDestroy
    synchronized void close() {
        if (session != null) {
            if (session.getSessionState() != SessionState.CLOSED) {
                session.unbindAndClose();
            }
            session = null;
        }
    }

    /** Delivery receipts: recorded by message id; anything else a centre delivers to us is not for this system. */
    private final class Receipts implements MessageReceiverListener {
        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) {
            if (!MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
                return;
            }
            try {
                DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
                outbox.receipt(receipt.getId(), String.valueOf(receipt.getFinalStatus()), clock.instant());
            } catch (InvalidDeliveryReceiptException | RuntimeException e) {
                LOG.warn("SMS receipt not recorded: {}", e.getMessage());
            }
        }

        @Override
        public void onAcceptAlertNotification(org.jsmpp.bean.AlertNotification alertNotification) {
        }

        @Override
        public org.jsmpp.session.DataSmResult onAcceptDataSm(org.jsmpp.bean.DataSm dataSm,
                                                             org.jsmpp.session.Session source) {
            throw new UnsupportedOperationException("data_sm is not taken");
        }
    }
}
