package icp.filing.application.command;

import icp.filing.application.command.NewFilingCommand.ServiceInput;
import icp.filing.application.command.NewFilingCommand.SubjectInput;
import icp.filing.domain.application.Operation;
import java.util.List;

/**
 * A request about a filed subject as a provider sends it, not yet checked. Which parts count depends on the kind:
 * <ul>
 *   <li>ADD_SERVICES: {@code number} the subject number, {@code services} the new ones;</li>
 *   <li>CHANGE_SUBJECT: the subject number and the {@code subject} as it is to be (its material ids with it);</li>
 *   <li>CHANGE_SERVICE, ADD_ACCESS: the service number and the one service as it is to be, or as described;</li>
 *   <li>CANCEL_SERVICE, CANCEL_SUBJECT: the number alone.</li>
 * </ul>
 * {@code materialIds} are subject-level materials of the request (the verification form signed for it).
 */
public record FilingChangeCommand(String requestId, Operation operation, String number, SubjectInput subject,
                                  List<ServiceInput> services, List<String> materialIds) {
    public FilingChangeCommand {
        if (operation == Operation.NEW_FILING) {
            throw new IllegalArgumentException("a new filing is a NewFilingCommand");
        }
        services = services == null ? List.of() : services;
        materialIds = materialIds == null ? List.of() : materialIds;
    }

    /** The contract's name of the request: the root of its field paths. */
    public String root() {
        return operation.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the request names a service ({@code service_number}) rather than a subject. */
    public boolean namesService() {
        return operation == Operation.CHANGE_SERVICE || operation == Operation.CANCEL_SERVICE
                || operation == Operation.ADD_ACCESS;
    }

    public String numberField() {
        return root() + (namesService() ? ".service_number" : ".subject_number");
    }
}
