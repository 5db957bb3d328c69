package io.cascadence.web.impl;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Who may call the API, as the web bundle's configuration says, in one immutable value that the filter reads at
 * every request and a configuration change replaces whole: the tokens and their scope, the allowed hosts and the
 * CORS origins. Built once per change, so a request never parses configuration.
 */
final class ApiAccess {

    /** Which requests need a token when tokens are configured. */
    enum Scope {
        /** Every method but GET, HEAD and OPTIONS. */
        WRITES,
        /** Every request but OPTIONS, which only answers what a path takes and carries CORS preflights. */
        ALL
    }

    private final ApiTokens tokens;
    private final Scope scope;
    private final AllowedHosts hosts;
    private final boolean anyOrigin;
    private final Set<String> origins;

    private ApiAccess(ApiTokens tokens, Scope scope, AllowedHosts hosts, boolean anyOrigin, Set<String> origins) {
        this.tokens = tokens;
        this.scope = scope;
        this.hosts = hosts;
        this.anyOrigin = anyOrigin;
        this.origins = origins;
    }

    /**
     * @param configuration the web bundle's configuration
     * @param machine what this machine is reachable as beyond loopback ({@link AllowedHosts#machineNames})
     * @param launcherToken the launcher's own token, or {@code null}
     */
    static ApiAccess of(WebConfiguration configuration, Set<String> machine, String launcherToken) {
        return of(configuration.api__tokens(), configuration.api__tokens__scope(), configuration.allowed__hosts(),
                configuration.cors__origins(), machine, launcherToken);
    }

    static ApiAccess of(String tokens, String scope, String hosts, String origins, Set<String> machine,
            String launcherToken) {
        Set<String> allowed = new LinkedHashSet<>();
        boolean any = false;
        for (String part : origins == null ? new String[0] : origins.split(",")) {
            String origin = part.strip().toLowerCase(Locale.ROOT);
            if (origin.endsWith("/")) {
                origin = origin.substring(0, origin.length() - 1);
            }
            any |= origin.equals("*");
            if (!origin.isEmpty()) {
                allowed.add(origin);
            }
        }
        return new ApiAccess(ApiTokens.parse(tokens, launcherToken),
                "all".equalsIgnoreCase(scope == null ? "" : scope.strip()) ? Scope.ALL : Scope.WRITES,
                AllowedHosts.of(hosts, machine), any, Set.copyOf(allowed));
    }

    ApiTokens tokens() {
        return tokens;
    }

    Scope scope() {
        return scope;
    }

    AllowedHosts hosts() {
        return hosts;
    }

    /** Whether a request of this method needs a token now. */
    boolean needsToken(String method) {
        if (!tokens.enabled()) {
            return false;
        }
        return scope == Scope.ALL ? !"OPTIONS".equals(method) : !safe(method);
    }

    /** Whether {@code cors_origins} lets a page of this origin call the API; the opaque origin {@code null} never. */
    boolean corsAllows(String origin) {
        if (origin.equals("null")) {
            return false;
        }
        return anyOrigin || origins.contains(origin.toLowerCase(Locale.ROOT));
    }

    /** Methods that change nothing, which a page of another origin may send without being listed. */
    static boolean safe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    /** One line for the log, naming no token. */
    String describe() {
        return (tokens.enabled() ? "API tokens required for " + scope.name().toLowerCase(Locale.ROOT)
                : "no API tokens") + "; CORS origins: " + (anyOrigin ? "*" : origins.isEmpty() ? "none" : origins);
    }
}
