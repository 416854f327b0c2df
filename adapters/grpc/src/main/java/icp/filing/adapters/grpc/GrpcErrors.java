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
import icp.filing.domain.error.StateConflictException;
import icp.filing.domain.error.Violation;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** The one place that turns refusals into google.rpc.Status with ErrorInfo and, for bad input, BadRequest. */
final class GrpcErrors {
    static final String DOMAIN = "icp.filing";

    private GrpcErrors() {
    }

    static StatusRuntimeException toStatus(FilingException e) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(code(e).getNumber())
                .setMessage(e.getMessage())
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(e.reason().name()).setDomain(DOMAIN).build()));
        if (e instanceof InvalidInputException invalid) {
            BadRequest.Builder badRequest = BadRequest.newBuilder();
            for (Violation v : invalid.violations()) {
                badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                        .setField(v.field()).setReason(v.reason().name())
                        .setDescription(v.reason().name() + ": " + v.message()));
            }
            status.addDetails(Any.pack(badRequest.build()));
        }
        return StatusProto.toStatusRuntimeException(status.build());
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
        }
        return Code.INTERNAL;
    }
}
