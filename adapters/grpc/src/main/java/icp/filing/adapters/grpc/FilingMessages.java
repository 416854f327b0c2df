package icp.filing.adapters.grpc;

import icp.filing.domain.application.ProviderId;
import icp.filing.domain.filing.FiledService;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.filing.FilingEvent;
import icp.filing.domain.filing.PublicDisclosure;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.IpAddress;
import icp.filing.domain.service.Website;
import icp.filing.proto.provider.v1.Access;
import icp.filing.proto.provider.v1.FilingState;
import icp.filing.proto.provider.v1.RecordEntry;
import icp.filing.proto.provider.v1.ServiceKind;

/**
 * A filing as one provider may see it (only a provider that hosts some of it is answered at all): the subject, the
 * services it hosts in full with its own access; the others by number, kind, state and name as the public query
 * shows it (a person's name masked in it); never another provider's access.
 */
final class FilingMessages {
    private FilingMessages() {
    }

    static icp.filing.proto.provider.v1.Filing toMessage(Filing filing, ProviderId caller,
                                                         java.util.List<FilingEvent> record) {
        var subject = filing.subject();
        var message = icp.filing.proto.provider.v1.Filing.newBuilder()
                .setSubjectNumber(filing.subjectNumber().toString())
                .setState(state(filing.state()))
                .setSubjectName(subject.name())
                .setProvinceCode(subject.province().code());
        for (FiledService service : filing.services()) {
            var one = icp.filing.proto.provider.v1.FiledService.newBuilder()
                    .setServiceNumber(service.number().toString())
                    .setKind(ServiceKind.valueOf("SERVICE_KIND_" + service.service().kind().name()))
                    .setName(PublicDisclosure.serviceName(service.service().name(), subject.name(),
                            subject.isPerson()))
                    .setState(state(service.state()));
            service.access(caller).ifPresent(own -> {
                one.setHostedByCaller(true)
                        .setName(service.service().name())
                        .setProviderCount(service.accesses().size())
                        .setAccess(access(own.access()));
                if (service.service() instanceof Website w) {
                    w.domains().stream().map(DomainName::unicode).forEach(one::addDomains);
                }
                service.service().appIdentity().ifPresent(id -> one.setAppKey(id.key()));
            });
            message.addServices(one);
        }
        for (FilingEvent event : record) {
            var entry = RecordEntry.newBuilder().setKind(event.kind().name()).setNumber(event.number().toString())
                    .setAt(com.google.protobuf.Timestamp.newBuilder().setSeconds(event.at().getEpochSecond())
                            .setNanos(event.at().getNano()))
                    .setByCaller(caller.equals(event.provider()))
                    .addAllReasons(event.reasons())
                    .setComment(event.comment() == null ? "" : event.comment());
            if (event.application() != null && caller.equals(event.provider())) {
                entry.setApplicationId(event.application().value());
            }
            if (event.bureauUser() != null) {
                entry.setBureauActor(event.bureauUser().kind().name() + ":" + event.bureauUser().id());
            }
            message.addRecord(entry);
        }
        return message.build();
    }

    private static Access access(icp.filing.domain.service.Access access) {
        var message = Access.newBuilder()
                .setMethodValue(access.method().code());
        access.ipAddresses().stream().map(IpAddress::value).forEach(message::addIpAddresses);
        if (access.serverLocation() != null) {
            message.setServerLocation(access.serverLocation().code());
        }
        return message.build();
    }

    private static FilingState state(icp.filing.domain.filing.FilingState state) {
        return FilingState.valueOf("FILING_STATE_" + state.name());
    }

}
