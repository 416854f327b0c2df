package icp.filing.adapters.grpc;

import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests that cannot be parsed (broken protobuf, invalid UTF-8 in a string, groups nested past the parser's limit)
 * would end in grpc-java as UNKNOWN with a stack trace logged at SEVERE for each. Here the parser's failure becomes
 * an empty request marked with {@link #MARKER}, which {@link ErrorTranslatingInterceptor} answers INVALID_ARGUMENT
 * (MALFORMED_REQUEST) and logs in one line.
 */
final class LenientParsing {
    /** The largest field number protobuf allows; no message of ours uses it. */
    static final int MARKER = 536_870_911;

    private LenientParsing() {
    }

    static boolean isMalformed(Object message) {
        return message instanceof Message m && m.getUnknownFields().hasField(MARKER);
    }

    static ServerServiceDefinition wrap(ServerServiceDefinition original) {
        ServiceDescriptor descriptor = original.getServiceDescriptor();
        Map<String, ServerMethodDefinition<?, ?>> wrapped = new HashMap<>();
        List<MethodDescriptor<?, ?>> methods = new ArrayList<>();
        for (ServerMethodDefinition<?, ?> method : original.getMethods()) {
            ServerMethodDefinition<?, ?> lenient = lenient(method);
            wrapped.put(method.getMethodDescriptor().getFullMethodName(), lenient);
            methods.add(lenient.getMethodDescriptor());
        }
        ServiceDescriptor.Builder newDescriptor = ServiceDescriptor.newBuilder(descriptor.getName())
                .setSchemaDescriptor(descriptor.getSchemaDescriptor());
        methods.forEach(newDescriptor::addMethod);
        ServerServiceDefinition.Builder definition = ServerServiceDefinition.builder(newDescriptor.build());
        for (MethodDescriptor<?, ?> method : methods) {
            definition.addMethod(wrapped.get(method.getFullMethodName()));
        }
        return definition.build();
    }

    private static <Q, R> ServerMethodDefinition<Q, R> lenient(ServerMethodDefinition<Q, R> method) {
        MethodDescriptor<Q, R> descriptor = method.getMethodDescriptor();
        MethodDescriptor<Q, R> lenient = descriptor.toBuilder()
                .setRequestMarshaller(new Marshaller<>(descriptor.getRequestMarshaller())).build();
        return ServerMethodDefinition.create(lenient, method.getServerCallHandler());
    }

    private static final class Marshaller<Q> implements MethodDescriptor.Marshaller<Q>,
            MethodDescriptor.PrototypeMarshaller<Q> {
        private final MethodDescriptor.Marshaller<Q> delegate;

        Marshaller(MethodDescriptor.Marshaller<Q> delegate) {
            this.delegate = delegate;
        }

        @Override
        public InputStream stream(Q value) {
            return delegate.stream(value);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Q parse(InputStream stream) {
            try {
                return delegate.parse(stream);
            } catch (RuntimeException e) {
                Message prototype = (Message) getMessagePrototype();
                return (Q) prototype.toBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
                        .addField(MARKER, UnknownFieldSet.Field.newBuilder().addVarint(1).build()).build()).build();
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public Q getMessagePrototype() {
            return ((MethodDescriptor.PrototypeMarshaller<Q>) delegate).getMessagePrototype();
        }

        @Override
        public Class<Q> getMessageClass() {
            return ((MethodDescriptor.PrototypeMarshaller<Q>) delegate).getMessageClass();
        }
    }
}
