package icp.filing.adapters.grpc;

import icp.filing.application.command.FilingChangeCommand;
import icp.filing.application.command.NewFilingCommand.AccessInput;
import icp.filing.application.command.NewFilingCommand.AppInput;
import icp.filing.application.command.NewFilingCommand.DomainHolderInput;
import icp.filing.application.command.NewFilingCommand.MiniProgramInput;
import icp.filing.application.command.NewFilingCommand.PreApprovalInput;
import icp.filing.application.command.NewFilingCommand.PrincipalInput;
import icp.filing.application.command.NewFilingCommand.QuickAppInput;
import icp.filing.application.command.NewFilingCommand.ServiceCommon;
import icp.filing.application.command.NewFilingCommand.ServiceInput;
import icp.filing.application.command.NewFilingCommand.SubjectInput;
import icp.filing.application.command.NewFilingCommand.WebsiteInput;
import icp.filing.application.command.NewFilingCommand;
import icp.filing.domain.application.Operation;
import icp.filing.proto.provider.v1.Access;
import icp.filing.proto.provider.v1.Principal;
import icp.filing.proto.provider.v1.Service;
import icp.filing.proto.provider.v1.Subject;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import java.util.List;
import org.mapstruct.CollectionMappingStrategy;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.NullValueCheckStrategy;
import org.mapstruct.ReportingPolicy;

/**
 * Protobuf requests to application commands. Enums travel as their numbers, which are the code-table
 * codes; the domain decides whether a number is known. An absent message becomes null, which the
 * application reports as a missing field.
 */
@Mapper(componentModel = "jsr330", unmappedTargetPolicy = ReportingPolicy.ERROR,
        collectionMappingStrategy = CollectionMappingStrategy.ADDER_PREFERRED,
        nullValueCheckStrategy = NullValueCheckStrategy.ALWAYS)
interface ProviderRequestMapper {

    @Mapping(target = "natureCode", source = "nature")
    @Mapping(target = "certificateTypeCode", source = "certificateType")
    SubjectInput toInput(Subject subject);

    @Mapping(target = "certificateTypeCode", source = "certificateType")
    PrincipalInput toInput(Principal principal);

    @Mapping(target = "methodCode", source = "method")
    @Mapping(target = "serverLocationCode", source = "serverLocation")
    AccessInput toInput(Access access);

    /** Enum numbers are the code-table codes; a number this build does not know becomes -1, an unknown code. */
    default int code(icp.filing.proto.provider.v1.SubjectNature value) {
        return value == icp.filing.proto.provider.v1.SubjectNature.UNRECOGNIZED ? -1 : value.getNumber();
    }

    default int code(icp.filing.proto.provider.v1.CertificateType value) {
        return value == icp.filing.proto.provider.v1.CertificateType.UNRECOGNIZED ? -1 : value.getNumber();
    }

    default int code(icp.filing.proto.provider.v1.AccessMethod value) {
        return value == icp.filing.proto.provider.v1.AccessMethod.UNRECOGNIZED ? -1 : value.getNumber();
    }

    default NewFilingCommand toCommand(SubmitApplicationRequest request) {
        if (!request.hasNewFiling()) {
            return new NewFilingCommand(request.getRequestId(), null, List.of());
        }
        var filing = request.getNewFiling();
        return new NewFilingCommand(request.getRequestId(), filing.hasSubject() ? toInput(filing.getSubject()) : null,
                filing.getServicesList().stream().map(this::toInput).toList());
    }

    /** A request about a filed subject: every kind but new_filing (the endpoint sends that to toCommand). */
    default FilingChangeCommand toChangeCommand(SubmitApplicationRequest request) {
        String id = request.getRequestId();
        return switch (request.getRequestCase()) {
            case ADD_SERVICES -> new FilingChangeCommand(id, Operation.ADD_SERVICES,
                    request.getAddServices().getSubjectNumber(), null,
                    request.getAddServices().getServicesList().stream().map(this::toInput).toList(),
                    request.getAddServices().getMaterialIdsList());
            case CHANGE_SUBJECT -> new FilingChangeCommand(id, Operation.CHANGE_SUBJECT,
                    request.getChangeSubject().getSubjectNumber(), request.getChangeSubject().hasSubject()
                    ? toInput(request.getChangeSubject().getSubject()) : null, List.of(), List.of());
            case CHANGE_SERVICE -> new FilingChangeCommand(id, Operation.CHANGE_SERVICE,
                    request.getChangeService().getServiceNumber(), null, request.getChangeService().hasService()
                    ? List.of(toInput(request.getChangeService().getService())) : List.of(),
                    request.getChangeService().getMaterialIdsList());
            case CANCEL_SERVICE -> new FilingChangeCommand(id, Operation.CANCEL_SERVICE,
                    request.getCancelService().getServiceNumber(), null, List.of(),
                    request.getCancelService().getMaterialIdsList());
            case CANCEL_SUBJECT -> new FilingChangeCommand(id, Operation.CANCEL_SUBJECT,
                    request.getCancelSubject().getSubjectNumber(), null, List.of(),
                    request.getCancelSubject().getMaterialIdsList());
            case ADD_ACCESS -> new FilingChangeCommand(id, Operation.ADD_ACCESS,
                    request.getAddAccess().getServiceNumber(), null, request.getAddAccess().hasService()
                    ? List.of(toInput(request.getAddAccess().getService())) : List.of(),
                    request.getAddAccess().getMaterialIdsList());
            case NEW_FILING, REQUEST_NOT_SET -> throw new IllegalArgumentException("not a change");
        };
    }

    /** The oneof decides the kind; a service without one is read as a website with no domains. */
    default ServiceInput toInput(Service service) {
        ServiceCommon common = new ServiceCommon(service.getName(),
                service.hasPrincipal() ? toInput(service.getPrincipal()) : null,
                service.hasAccess() ? toInput(service.getAccess()) : null, service.getMaterialIdsList(),
                service.getContentCategoriesList(), service.getLanguagesList(),
                service.getPreApprovalsList().stream().map(p -> new PreApprovalInput(p.getTypeValue(), p.getAuthority(),
                        p.getApprovalNumber(), p.getDocumentMaterialId())).toList());
        return switch (service.getKindCase()) {
            case APP -> new AppInput(common, service.getApp().getPlatformValue(), service.getApp().getPackageName(),
                    service.getApp().getSigningFingerprint());
            case MINI_PROGRAM -> new MiniProgramInput(common, service.getMiniProgram().getPlatform(),
                    service.getMiniProgram().getAppId());
            case QUICK_APP -> new QuickAppInput(common, service.getQuickApp().getPackageName());
            case WEBSITE, KIND_NOT_SET -> new WebsiteInput(common, service.getWebsite().getDomainsList(),
                    service.getWebsite().getHomeUrl(), service.getWebsite().getDomainHoldersList().stream()
                            .map(h -> new DomainHolderInput(h.getDomain(), h.getHolderName(),
                                    h.getHolderCertificateNumber())).toList());
        };
    }
}
