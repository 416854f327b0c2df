package icp.filing.adapters.grpc;

import icp.filing.proto.provider.v1.ResubmitApplicationRequest;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;

/**
 * A resubmission's correction is one of the requests SubmitApplication takes, under the same field names: these turn
 * one into the other, so a correction is read by the very mapping and rules of a submission.
 */
public final class Resubmissions {
    private Resubmissions() {
    }

    /** The correction as the submission it corrects. */
    public static SubmitApplicationRequest correction(ResubmitApplicationRequest request) {
        var same = SubmitApplicationRequest.newBuilder();
        switch (request.getCorrectionCase()) {
            case ADD_SERVICES -> same.setAddServices(request.getAddServices());
            case CHANGE_SUBJECT -> same.setChangeSubject(request.getChangeSubject());
            case CHANGE_SERVICE -> same.setChangeService(request.getChangeService());
            case CANCEL_SERVICE -> same.setCancelService(request.getCancelService());
            case CANCEL_SUBJECT -> same.setCancelSubject(request.getCancelSubject());
            case ADD_ACCESS -> same.setAddAccess(request.getAddAccess());
            case NEW_FILING -> same.setNewFiling(request.getNewFiling());
            case CORRECTION_NOT_SET -> { }
        }
        return same.build();
    }

    /** A corrected request as the resubmission of application {@code id}. */
    public static ResubmitApplicationRequest of(String id, SubmitApplicationRequest corrected) {
        var request = ResubmitApplicationRequest.newBuilder().setApplicationId(id);
        switch (corrected.getRequestCase()) {
            case ADD_SERVICES -> request.setAddServices(corrected.getAddServices());
            case CHANGE_SUBJECT -> request.setChangeSubject(corrected.getChangeSubject());
            case CHANGE_SERVICE -> request.setChangeService(corrected.getChangeService());
            case CANCEL_SERVICE -> request.setCancelService(corrected.getCancelService());
            case CANCEL_SUBJECT -> request.setCancelSubject(corrected.getCancelSubject());
            case ADD_ACCESS -> request.setAddAccess(corrected.getAddAccess());
            case NEW_FILING, REQUEST_NOT_SET -> request.setNewFiling(corrected.getNewFiling());
        }
        return request.build();
    }
}
