package icp.filing.adapters.grpc.cli;

import com.google.protobuf.Descriptors;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import icp.filing.adapters.grpc.Resubmissions;
import icp.filing.proto.provider.v1.Access;
import icp.filing.proto.provider.v1.ApplicationState;
import icp.filing.proto.provider.v1.CancelAccessRequest;
import icp.filing.proto.provider.v1.ChangeAccessRequest;
import icp.filing.proto.provider.v1.GetFilingRequest;
import icp.filing.proto.provider.v1.GetApplicationRequest;
import icp.filing.proto.provider.v1.ListApplicationsRequest;
import icp.filing.proto.provider.v1.ListResultsRequest;
import icp.filing.proto.provider.v1.MaterialKind;
import icp.filing.proto.provider.v1.ProviderFilingServiceGrpc;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import icp.filing.proto.provider.v1.UploadMaterialResponse;
import icp.filing.proto.provider.v1.WatchResultsRequest;
import icp.filing.proto.provider.v1.WithdrawApplicationRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small provider-side client, so the provider API can be tried from a shell with nothing but Java:
 * requests are protobuf JSON, answers are printed as protobuf JSON, refusals with their google.rpc.Status.
 * Target and key come from ICP_GRPC_TARGET (default localhost:50051) and ICP_API_KEY (default the demo key).
 */
public final class ProviderCli {
    private static final String USAGE = """
            usage: provider submit <request.json> | check <request.json> | get <application-id> | list [STATE]
                            | upload <KIND> <file> | withdraw <application-id> [comment]
                            | resubmit <application-id> <request.json>
                            | filing <subject-number> | change-access <service-number> <access.json>
                            | cancel-access <service-number>
                            | results [cursor] | watch [cursor]
              A request is any kind SubmitApplication takes: newFiling, addServices, changeSubject, changeService,
              cancelService, cancelSubject, addAccess.
              check runs every rule of submit (validate_only) and stores nothing.
              results lists the result events after the cursor (ListResults); watch prints them as they happen
              (WatchResults) until interrupted.
              In request.json a material id may be written "file:<path>#<KIND>": the file is uploaded first
              (path relative to the JSON file) and its id put in its place.
              env ICP_GRPC_TARGET (default localhost:50051), ICP_API_KEY (default demo-provider-key)""";
    private static final int CHUNK = 256 * 1024;

    private ProviderCli() {
    }

    /** Returns the process exit code: 0 done, 1 refused by the server, 2 bad usage. */
    public static int run(String[] args, PrintStream out) {
        if (args.length < 1) {
            out.println(USAGE);
            return 2;
        }
        String target = envOr("ICP_GRPC_TARGET", "localhost:50051");
        ManagedChannel channel = ManagedChannelBuilder.forTarget(target).usePlaintext().build();
        try {
            Metadata headers = new Metadata();
            headers.put(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER),
                    envOr("ICP_API_KEY", "demo-provider-key"));
            var stub = ProviderFilingServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                    .withDeadlineAfter(30, TimeUnit.SECONDS);
            var async = ProviderFilingServiceGrpc.newStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
            if (args[0].equals("watch")) {
                var events = ProviderFilingServiceGrpc.newBlockingStub(channel)
                        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                        .watchResults(WatchResultsRequest.newBuilder().setAfterCursor(args.length > 1 ? args[1] : "")
                                .build());
                while (events.hasNext()) {
                    out.println(JsonFormat.printer().print(events.next()));
                }
                return 0;
            }
            Message answer = switch (args[0]) {
                case "results" -> stub.listResults(ListResultsRequest.newBuilder()
                        .setAfterCursor(args.length > 1 ? args[1] : "").build());
                case "submit" -> stub.submitApplication(uploadReferencedFiles(async, arg(args),
                        read(args, SubmitApplicationRequest.newBuilder())));
                case "check" -> stub.submitApplication(uploadReferencedFiles(async, arg(args),
                        read(args, SubmitApplicationRequest.newBuilder())).toBuilder().setValidateOnly(true).build());
                case "withdraw" -> stub.withdrawApplication(WithdrawApplicationRequest.newBuilder()
                        .setApplicationId(arg(args)).setComment(args.length > 2 ? args[2] : "").build());
                case "resubmit" -> stub.resubmitApplication(Resubmissions.of(arg(args), uploadReferencedFiles(async,
                        second(args), read(new String[] {"resubmit", second(args)},
                                SubmitApplicationRequest.newBuilder()))));
                case "filing" -> stub.getFiling(GetFilingRequest.newBuilder().setSubjectNumber(arg(args)).build());
                case "change-access" -> {
                    Access.Builder access = Access.newBuilder();
                    JsonFormat.parser().merge(Files.readString(Path.of(second(args))), access);
                    yield stub.changeAccess(ChangeAccessRequest.newBuilder().setServiceNumber(arg(args))
                            .setAccess(access).build());
                }
                case "cancel-access" -> stub.cancelAccess(CancelAccessRequest.newBuilder()
                        .setServiceNumber(arg(args)).build());
                case "upload" -> upload(async, kind(arg(args)), Path.of(args.length > 2 ? args[2] : ""));
                case "get" -> stub.getApplication(GetApplicationRequest.newBuilder().setApplicationId(arg(args)).build());
                case "list" -> stub.listApplications(ListApplicationsRequest.newBuilder()
                        .setState(args.length > 1 ? ApplicationState.valueOf("APPLICATION_STATE_" + args[1])
                                : ApplicationState.APPLICATION_STATE_UNSPECIFIED).build());
                default -> null;
            };
            if (answer == null) {
                out.println(USAGE);
                return 2;
            }
            out.println(JsonFormat.printer().print(answer));
            return 0;
        } catch (StatusRuntimeException e) {
            com.google.rpc.Status status = StatusProto.fromThrowable(e);
            out.println(e.getStatus().getCode() + ": " + (status == null ? e.getStatus() : print(status)));
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return 2;
        } finally {
            channel.shutdownNow();
        }
    }

    /**
     * Replaces every "file:<path>#<KIND>" material id, wherever the request carries one (material_ids,
     * document_material_id), by the id of that file, uploaded.
     */
    private static SubmitApplicationRequest uploadReferencedFiles(ProviderFilingServiceGrpc.ProviderFilingServiceStub async,
                                                                  String jsonPath, SubmitApplicationRequest request)
            throws IOException {
        Path base = Path.of(jsonPath).toAbsolutePath().getParent();
        return (SubmitApplicationRequest) resolveAll(async, base, request.toBuilder()).build();
    }

    private static Message.Builder resolveAll(ProviderFilingServiceGrpc.ProviderFilingServiceStub async, Path base,
                                              Message.Builder message) throws IOException {
        for (Descriptors.FieldDescriptor field : message.getDescriptorForType().getFields()) {
            if (field.getJavaType() == Descriptors.FieldDescriptor.JavaType.MESSAGE) {
                if (field.isRepeated()) {
                    for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
                        Message item = (Message) message.getRepeatedField(field, i);
                        message.setRepeatedField(field, i, resolveAll(async, base, item.toBuilder()).build());
                    }
                } else if (message.hasField(field)) {
                    Message item = (Message) message.getField(field);
                    message.setField(field, resolveAll(async, base, item.toBuilder()).build());
                }
            } else if (field.getName().equals("material_ids")) {
                for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
                    message.setRepeatedField(field, i, resolve(async, base, (String) message.getRepeatedField(field, i)));
                }
            } else if (field.getName().equals("document_material_id")) {
                message.setField(field, resolve(async, base, (String) message.getField(field)));
            }
        }
        return message;
    }

    private static String resolve(ProviderFilingServiceGrpc.ProviderFilingServiceStub async, Path base, String id)
            throws IOException {
        if (!id.startsWith("file:")) {
            return id;
        }
        int hash = id.lastIndexOf('#');
        if (hash < 0) {
            throw new IllegalArgumentException(id + ": write file:<path>#<KIND>");
        }
        return upload(async, kind(id.substring(hash + 1)), base.resolve(id.substring(5, hash))).getMaterialId();
    }

    private static MaterialKind kind(String name) {
        return MaterialKind.valueOf(name.startsWith("MATERIAL_KIND_") ? name : "MATERIAL_KIND_" + name);
    }

    private static UploadMaterialResponse upload(ProviderFilingServiceGrpc.ProviderFilingServiceStub async,
                                                 MaterialKind kind, Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        return MaterialUploads.upload(async, kind, content, MaterialUploads.sha256(content),
                file.getFileName().toString(), CHUNK);
    }

    /** The second argument after the command, e.g. the JSON file of resubmit. */
    private static String second(String[] args) {
        if (args.length < 3) {
            throw new IllegalArgumentException(args[0] + " needs two arguments");
        }
        return args[2];
    }

    private static SubmitApplicationRequest read(String[] args, SubmitApplicationRequest.Builder builder)
            throws IOException {
        JsonFormat.parser().merge(Files.readString(Path.of(arg(args)), StandardCharsets.UTF_8), builder);
        return builder.build();
    }

    private static String print(com.google.rpc.Status status) {
        try {
            return JsonFormat.printer().usingTypeRegistry(JsonFormat.TypeRegistry.newBuilder()
                    .add(com.google.rpc.ErrorInfo.getDescriptor()).add(com.google.rpc.BadRequest.getDescriptor())
                    .build()).print(status);
        } catch (InvalidProtocolBufferException e) {
            return status.toString();
        }
    }

    private static String arg(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("missing argument");
        }
        return args[1];
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
