package icp.filing.adapters.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.ConcurrentUpdateException;
import icp.filing.domain.error.FilingException;
import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.NotFoundException;
import icp.filing.domain.error.PermissionDeniedException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.ResourceExhaustedException;
import icp.filing.domain.error.StateConflictException;
import icp.filing.domain.error.Violation;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;

/**
 * The one place that turns refusals into google.rpc.Status with ErrorInfo and, for bad input, BadRequest. The status
 * travels in a trailer, and clients refuse trailers over 8 KiB (grpc-java's default; base64 adds a third), so an
 * answer lists at most {@value #MAX_VIOLATIONS} violations within {@value #DETAILS_BUDGET} bytes, and says how many
 * more there are in a last entry with the reason MORE_VIOLATIONS.
 */
final class GrpcErrors {
    static final String DOMAIN = "icp.filing";
    static final int MAX_VIOLATIONS = 100;
    private static final int DETAILS_BUDGET = 4500;
    private static final int MAX_TEXT = 300;

    private GrpcErrors() {
    }

    static StatusRuntimeException toStatus(FilingException e) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(code(e).getNumber())
                .setMessage(bounded(e.getMessage()))
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(e.reason().name()).setDomain(DOMAIN).build()));
        if (e instanceof InvalidInputException invalid) {
            status.addDetails(Any.pack(badRequest(invalid.violations())));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    private static BadRequest badRequest(List<Violation> violations) {
        BadRequest.Builder badRequest = BadRequest.newBuilder();
        int size = 0;
        int listed = 0;
        for (Violation v : violations) {
            BadRequest.FieldViolation entry = BadRequest.FieldViolation.newBuilder()
                    .setField(bounded(v.field())).setReason(v.reason().name())
                    .setDescription(bounded(v.reason().name() + ": " + v.message())).build();
            size += entry.getSerializedSize();
            if (listed == MAX_VIOLATIONS || size > DETAILS_BUDGET) {
                break;
            }
            badRequest.addFieldViolations(entry);
            listed++;
        }
        int more = violations.size() - listed;
        if (more > 0) {
            badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("")
                    .setReason(Reason.MORE_VIOLATIONS.name())
                    .setDescription(Reason.MORE_VIOLATIONS.name() + ": 另有 " + more + " 项未列出 / " + more
                            + " more not listed"));
        }
        return badRequest.build();
    }

    private static String bounded(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }

    /** A status of the transport's own making (a timeout) with our ErrorInfo. */
    static StatusRuntimeException status(Code code, Reason reason, String message) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber()).setMessage(message)
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(reason.name()).setDomain(DOMAIN).build()))
                .build());
    }

    static StatusRuntimeException unauthenticated(String message) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.UNAUTHENTICATED.getNumber()).setMessage(message)
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(Reason.UNAUTHENTICATED.name()).setDomain(DOMAIN)
                        .build()))
                .build());
    }

    static StatusRuntimeException internal() {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.INTERNAL.getNumber()).setMessage("internal error").build());
    }

    private static Code code(FilingException e) {
        if (e instanceof InvalidInputException) {
            return Code.INVALID_ARGUMENT;
        } else if (e instanceof StateConflictException) {
            return Code.FAILED_PRECONDITION;
        } else if (e instanceof NotFoundException) {
            return Code.NOT_FOUND;
        } else if (e instanceof ConcurrentUpdateException) {
            return Code.ABORTED;
        } else if (e instanceof AlreadyExistsException) {
            return Code.ALREADY_EXISTS;
        } else if (e instanceof PermissionDeniedException) {
            return Code.PERMISSION_DENIED;
        } else if (e instanceof ResourceExhaustedException) {
            return Code.RESOURCE_EXHAUSTED;
        } else if (e instanceof icp.filing.domain.error.UnavailableException) {
            return Code.UNAVAILABLE;
        }
        return Code.INTERNAL;
    }
}
