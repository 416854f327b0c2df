package icp.filing.adapters.grpc;

import icp.filing.domain.error.FilingException;
import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violation;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches what a service method throws and closes the call with the translated status, so endpoints
 * stay free of try/catch and no stack trace ever reaches a client.
 */
@Singleton
@Order(10)
final class ErrorTranslatingInterceptor implements ServerInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorTranslatingInterceptor.class);

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                        ServerCallHandler<Q, R> next) {
        ServerCall.Listener<Q> delegate = next.startCall(call, headers);
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
            /** Once this interceptor has closed the call, nothing more may reach the service or the call. */
            private boolean closed;

            @Override
            public void onMessage(Q message) {
                if (!closed && LenientParsing.isMalformed(message)) {
                    LOG.info("malformed request to {} refused", call.getMethodDescriptor().getFullMethodName());
                    close(call, GrpcErrors.toStatus(InvalidInputException.of("",
                            Reason.MALFORMED_REQUEST, "请求无法解析 / the request is not valid protobuf (broken "
                            + "encoding, invalid UTF-8 or nested too deeply)")));
                    closed = true;
                }
                if (!closed) {
                    closed = guard(call, () -> super.onMessage(message));
                }
            }

            @Override
            public void onHalfClose() {
                if (!closed) {
                    closed = guard(call, super::onHalfClose);
                }
            }
        };
    }

    /** Runs one step; returns true when it failed and the call was closed here. */
    private static boolean guard(ServerCall<?, ?> call, Runnable step) {
        try {
            step.run();
            return false;
        } catch (FilingException e) {
            close(call, GrpcErrors.toStatus(e));
        } catch (InvalidValueException e) {
            // a value refused outside a form that knows its field: still the caller's input, never INTERNAL
            close(call, GrpcErrors.toStatus(InvalidInputException.of("", e.reason(), e.getMessage())));
        } catch (StatusRuntimeException e) {
            close(call, e);
        } catch (RuntimeException e) {
            // messages of unexpected errors may carry input; log the type and stack, tell the client nothing
            LOG.error("unexpected error in {}", call.getMethodDescriptor().getFullMethodName(), e);
            close(call, GrpcErrors.internal());
        }
        return true;
    }

    private static void close(ServerCall<?, ?> call, StatusRuntimeException e) {
        Status status = e.getStatus();
        Metadata trailers = e.getTrailers() == null ? new Metadata() : e.getTrailers();
        call.close(status, trailers);
    }
}
