package io.cascadence.transport.grpc.impl;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The gRPC transport's two settings, checked. The original took {@code UME_GRPC_STUB} as a Python
 * {@code module:attr} naming a stub object and {@code UME_GRPC_METHOD} as a method of that object; here the stub
 * setting is the server's address and the method is a method of a gRPC service that takes
 * {@code cascadence.ume.Envelope}.
 *
 * @param target the gRPC target: {@code host:port} or a target URI such as {@code dns:///host:port}
 * @param method the full method name, {@code package.Service/Method}
 */
record GrpcSettings(String target, String method) {

    /** The setting that names the server ({@code UME_GRPC_STUB}, the command line's {@code --grpc-stub}). */
    static final String STUB = "ume_grpc_stub";
    /** The setting that names the method ({@code UME_GRPC_METHOD}). */
    static final String METHOD = "ume_grpc_method";
    /** The service whose methods a short {@value #METHOD} names. */
    static final String SERVICE = "cascadence.ume.Ume";
    static final String DEFAULT_METHOD = "Send";

    private static final String IDENT = "[A-Za-z_][A-Za-z0-9_]*";
    private static final Pattern SHORT_METHOD = Pattern.compile(IDENT);
    private static final Pattern FULL_METHOD = Pattern.compile(IDENT + "(\\." + IDENT + ")*/" + IDENT);
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    /**
     * Reads and checks the settings.
     *
     * @param settings {@value #STUB} and {@value #METHOD} as strings; a missing or blank method means
     *        {@value #DEFAULT_METHOD}
     * @throws IllegalArgumentException when the target is missing or is not a gRPC target (a Python
     *         {@code module:attr} included) or the method is not a method name; the message names the key
     */
    static GrpcSettings of(Map<String, String> settings) {
        return new GrpcSettings(target(settings.get(STUB)), method(settings.get(METHOD)));
    }

    /** The service part of {@link #method()}: {@code cascadence.ume.Ume} unless the method names another. */
    String service() {
        return method.substring(0, method.indexOf('/'));
    }

    private static String target(String value) {
        String target = value == null ? "" : value.strip();
        if (target.isEmpty()) {
            throw new IllegalArgumentException(STUB + " is not set: give the gRPC target host:port");
        }
        if (target.contains("//")) {
            return target;
        }
        int colon = target.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(STUB + " '" + target
                    + "' has no port: give the gRPC target host:port (or a target URI such as dns:///host:port)");
        }
        String port = target.substring(colon + 1);
        if (!PORT.matcher(port).matches()) {
            throw new IllegalArgumentException(STUB + " '" + target
                    + "' looks like the Python original's module:attr stub; Cascadence wants the gRPC server's "
                    + "address, host:port (or a target URI such as dns:///host:port)");
        }
        int number = Integer.parseInt(port);
        if (number < 1 || number > 65_535 || colon == 0) {
            throw new IllegalArgumentException(STUB + " '" + target
                    + "' is not host:port with a port from 1 to 65535");
        }
        return target;
    }

    private static String method(String value) {
        String method = value == null || value.isBlank() ? DEFAULT_METHOD : value.strip();
        if (SHORT_METHOD.matcher(method).matches()) {
            return SERVICE + "/" + method;
        }
        if (FULL_METHOD.matcher(method).matches()) {
            return method;
        }
        throw new IllegalArgumentException(METHOD + " '" + method + "' is not a method name: give a method of "
                + SERVICE + " such as " + DEFAULT_METHOD + ", or package.Service/Method");
    }
}
