package io.cascadence.transport.grpc.impl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import io.cascadence.ume.proto.Envelope;
import io.cascadence.ume.proto.SubscribeRequest;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;

/**
 * The method descriptors of the calls this transport makes, written by hand rather than taken from the generated
 * {@code UmeGrpc}: that class would live in {@code io.cascadence.ume.proto}, the UME bundle's exported package, and
 * a second copy of it in this bundle would split the package. The marshallers use the UME bundle's message
 * classes, so what goes on the wire is exactly what the generated stub would send.
 */
final class UmeMethods {

    /** What a send call's response is parsed to: the response is not needed, only that it came. */
    static final Object ANSWERED = new Object();

    private static final MethodDescriptor.Marshaller<Object> DISCARD = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(Object value) {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public Object parse(InputStream stream) {
            try (stream) {
                stream.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ANSWERED;
        }
    };

    private UmeMethods() {
    }

    /**
     * The unary call that delivers one envelope. Its response may be any message (the Ume service answers
     * {@code Ack}; a user's own service may answer something else) and is discarded.
     *
     * @param fullName {@code package.Service/Method}
     */
    static MethodDescriptor<Envelope, Object> send(String fullName) {
        return MethodDescriptor.<Envelope, Object>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(fullName)
                .setRequestMarshaller(ProtoUtils.marshaller(Envelope.getDefaultInstance()))
                .setResponseMarshaller(DISCARD)
                .build();
    }

    /**
     * The server-streaming call that receives other installations' envelopes: {@code Subscribe} of the same
     * service as the send method.
     *
     * @param service {@code package.Service}
     */
    static MethodDescriptor<SubscribeRequest, Envelope> subscribe(String service) {
        return MethodDescriptor.<SubscribeRequest, Envelope>newBuilder()
                .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(service, "Subscribe"))
                .setRequestMarshaller(ProtoUtils.marshaller(SubscribeRequest.getDefaultInstance()))
                .setResponseMarshaller(ProtoUtils.marshaller(Envelope.getDefaultInstance()))
                .build();
    }
}
