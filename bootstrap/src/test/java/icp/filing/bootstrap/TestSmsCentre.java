package icp.filing.bootstrap;

import icp.filing.adapters.notification.SmppSmsCentre;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * An SMS centre on loopback, speaking SMPP 3.4 through jSMPP's server side: it binds transceivers, takes submit_sm,
 * joins concatenated UCS-2 parts into whole texts, de-duplicates on the idempotency key the system sends as a TLV,
 * and reports each part delivered with a delivery receipt. It can be stopped and started again on the same port.
 */
final class TestSmsCentre implements AutoCloseable {
    /** A whole text as a phone shows it. */
    record Sms(String key, String phone, String text, int parts) {
    }

    private final int port;
    private final AtomicInteger ids = new AtomicInteger(1000);
    private final Map<String, Sms> received = new LinkedHashMap<>();
    private final Map<String, String[]> partial = new LinkedHashMap<>();
    private final List<String> receiptsSent = new ArrayList<>();
    private int duplicates;
    private final ExecutorService receipts = Executors.newSingleThreadExecutor();
    private volatile SMPPServerSessionListener listener;
    private final List<SMPPServerSession> sessions = new ArrayList<>();

    TestSmsCentre() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    synchronized void start() throws IOException {
        SMPPServerSessionListener server = new SMPPServerSessionListener(port);
        server.setMessageReceiverListener(new Receiver());
        listener = server;
        Thread acceptor = new Thread(() -> accept(server), "test-smsc-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The centre goes away: its port closed, every bound session cut. */
    synchronized void stop() throws IOException {
        SMPPServerSessionListener server = listener;
        listener = null;
        if (server != null) {
            server.close();
        }
        sessions.forEach(SMPPServerSession::close);
        sessions.clear();
    }

    @Override
    public void close() throws IOException {
        stop();
        receipts.shutdownNow();
    }

    private void accept(SMPPServerSessionListener server) {
        while (listener == server) {
            try {
                SMPPServerSession session = server.accept();
                BindRequest bind = session.waitForBind(5000);
                bind.accept("test-smsc");
                synchronized (this) {
                    sessions.add(session);
                }
            } catch (Exception e) {
                // closed, or a client that did not bind: wait for the next
            }
        }
    }

    /** Whole texts received so far, by idempotency key, each once. */
    synchronized Map<String, Sms> received() {
        return new LinkedHashMap<>(received);
    }

    /** Parts that arrived again under a key and sequence already taken (a redelivery the centre dropped). */
    synchronized int duplicates() {
        return duplicates;
    }

    synchronized List<String> receiptsSent() {
        return List.copyOf(receiptsSent);
    }

    private synchronized String take(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
        OptionalParameter keyParameter = submit.getOptionalParameter(SmppSmsCentre.IDEMPOTENCY_TAG);
        if (keyParameter == null || submit.getDataCoding() != 0x08) {
            throw new ProcessRequestException("UCS-2 with an idempotency key expected", 0x08);
        }
        String key = keyParameter instanceof OptionalParameter.OctetString octets ? octets.getValueAsString()
                : new String(keyParameter.serialize(), StandardCharsets.US_ASCII);
        byte[] body = submit.getShortMessage();
        int total = 1;
        int sequence = 1;
        if ((submit.getEsmClass() & 0x40) != 0) {
            int headerLength = body[0] & 0xFF;
            total = body[4] & 0xFF;
            sequence = body[5] & 0xFF;
            body = Arrays.copyOfRange(body, headerLength + 1, body.length);
        }
        String[] parts = partial.computeIfAbsent(key, k -> new String[0]);
        if (parts.length == 0) {
            parts = new String[total];
            partial.put(key, parts);
        }
        if (parts[sequence - 1] != null || received.containsKey(key) && received.get(key).parts() >= sequence) {
            duplicates++;
        } else {
            parts[sequence - 1] = new String(body, StandardCharsets.UTF_16BE);
            if (Arrays.stream(parts).allMatch(p -> p != null)) {
                received.put(key, new Sms(key, submit.getDestAddress(), String.join("", parts), total));
            }
        }
        String messageId = Integer.toHexString(ids.incrementAndGet());
        receipts.submit(() -> receipt(session, submit, messageId));
        return messageId;
    }

    private void receipt(SMPPServerSession session, SubmitSm submit, String messageId) {
        try {
            Thread.sleep(20);
            DeliveryReceipt receipt = new DeliveryReceipt(messageId, 1, 1, new Date(), new Date(),
                    DeliveryReceiptState.DELIVRD, "000", "");
            session.deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, submit.getDestAddress(),
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, submit.getSourceAddr(),
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                    receipt.toString().getBytes(StandardCharsets.US_ASCII));
            synchronized (this) {
                receiptsSent.add(messageId);
            }
        } catch (Exception e) {
            // the session went away: no receipt, as a real centre that lost the bind
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
                throws ProcessRequestException {
            try {
                return new SubmitSmResult(new MessageId(take(submitSm, source)), new OptionalParameter[0]);
            } catch (org.jsmpp.PDUStringException e) {
                throw new ProcessRequestException("bad message id", 0x08);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                                                               SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public DataSmResult onAcceptDataSm(org.jsmpp.bean.DataSm dataSm, Session source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }
    }
}
