package io.cascadence.web.impl;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.Identity;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.health.HealthContributor;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * In front of every route, before {@link JsonErrorsFilter}: refuses a {@code Host} that is not allowed (421, against
 * DNS rebinding), a state-changing request from a page of another origin that {@code cors_origins} does not list
 * (403), and, when {@code api_tokens} is set, a request in {@code api_tokens_scope} without a valid
 * {@code Authorization: Bearer} token (401 with {@code WWW-Authenticate}); answers CORS preflights; makes a bound
 * token's identity the caller's. Webhook deliveries ({@code /webhook/...}) need no token: a source's secret signs
 * them instead; on the webhook listener's port their {@code Host} is not checked either. The dashboard's static
 * page and assets need no token either (the page asks its user for one). The configuration is turned
 * into one {@link ApiAccess} per change, so a request only reads a few headers: a {@code GET} without
 * {@code Origin} and token costs a header lookup and a set lookup.
 */
// The whiteboard calls filters of higher ranking first: this one before JsonErrorsFilter (ranking 0).
@Component(service = {Filter.class, HealthContributor.class}, configurationPid = WebConfiguration.PID,
        property = "service.ranking:Integer=100")
@HttpWhiteboardFilterName(ApiGuardFilter.NAME)
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardFilterAsyncSupported
public class ApiGuardFilter implements Filter, HealthContributor {

    static final String NAME = "cascadence-api-guard";
    /** The framework property through which the launcher hands its container its own token. */
    static final String LAUNCHER_TOKEN = "cascadence.launcher.token";
    /** The framework property Felix HTTP binds to, which the launcher sets from {@code CASCADENCE_HTTP_HOST}. */
    static final String HTTP_HOST = "org.apache.felix.http.host";

    static final String ALLOWED_METHODS = "GET, HEAD, POST, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-User-ID, X-Group-ID, X-Cascadence-Trigger";
    private static final String PREFLIGHT_SECONDS = "600";
    private static final int QUOTED = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ApiGuardFilter.class);

    private volatile ApiAccess access = ApiAccess.of("", "writes", "", "", Set.of(), null);
    private String boundHost;
    private Set<String> machine = Set.of();
    private String launcherToken;

    @Activate
    void activate(BundleContext context, WebConfiguration configuration) {
        boundHost = context.getProperty(HTTP_HOST);
        launcherToken = context.getProperty(LAUNCHER_TOKEN);
        machine = AllowedHosts.machineNames(boundHost);
        configure(configuration);
    }

    /** A change applies to the next request. */
    @Modified
    void configure(WebConfiguration configuration) {
        ApiAccess next = ApiAccess.of(configuration, machine, launcherToken);
        LOG.info("HTTP on {}: {}", boundHost == null ? "every interface" : boundHost, next.describe());
        access = next;
    }

    @Override
    public List<String> warnings() {
        if (AllowedHosts.beyondLoopback(boundHost) && !access.tokens().enabled()) {
            return List.of("HTTP listens beyond loopback (" + (boundHost == null ? "every interface" : boundHost)
                    + ") without api_tokens: anyone who reaches the port can run and change tasks; set api_tokens "
                    + "in io.cascadence.web.cfg (or CASCADENCE_API_TOKENS)");
        }
        return List.of();
    }

    /**
     * The dashboard's page and assets (bundle {@code io.cascadence.dashboard}): static files without data, which a
     * browser must load before it can ask its user for a token; every call the page makes needs one as any other.
     */
    static boolean dashboardAsset(String method, String path) {
        // The canonical path (dot segments resolved, as routed), never the raw URI: /ui/../runs is /runs.
        return ("GET".equals(method) || "HEAD".equals(method))
                && (path.equals("/") || path.equals("/index.html") || path.startsWith("/ui/"));
    }

    private static String canonicalPath(HttpServletRequest request) {
        String info = request.getPathInfo();
        String path = request.getServletPath() + (info == null ? "" : info);
        // The whiteboard's default servlet (pattern "/") sees the context root with an empty servlet path.
        return path.isEmpty() ? "/" : path;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        ApiAccess now = access;
        String host = request.getHeader("Host");
        // A webhook delivery proves itself by its signature (a source's secret), never by an API token, which its
        // sender does not have; on the webhook listener's port its sender names this machine as it knows it.
        boolean webhook = WebhookListener.isWebhookPath(request.getRequestURI());
        boolean onListener = webhook && request.getAttribute(WebhookListener.ON_LISTENER) != null;
        if (!onListener && !now.hosts().allows(host)) {
            Json.error(response, 421, "Host '" + quote(AllowedHosts.name(host)) + "' is not a name Cascadence "
                    + "answers to; add it to allowed_hosts (io.cascadence.web) if it names this machine");
            return;
        }
        String method = request.getMethod();
        String origin = request.getHeader("Origin");
        if (origin != null) {
            boolean listed = now.corsAllows(origin);
            boolean same = sameOrigin(request, origin, host);
            if ("OPTIONS".equals(method) && request.getHeader("Access-Control-Request-Method") != null) {
                preflight(response, origin, listed || same);
                return;
            }
            if (!listed && !same && !ApiAccess.safe(method)) {
                Json.error(response, HttpServletResponse.SC_FORBIDDEN, "Origin '" + quote(origin) + "' may not send "
                        + method + " requests to Cascadence; list it in cors_origins (io.cascadence.web) to allow it");
                return;
            }
            if (listed && !same) {
                response = new CorsResponse(response, origin);
            }
        }
        if (now.tokens().enabled() && !webhook) {
            String authorization = request.getHeader("Authorization");
            if (authorization == null) {
                if (now.needsToken(method) && !dashboardAsset(method, canonicalPath(request))) {
                    unauthorized(response, null, "an API token is required: send Authorization: Bearer TOKEN "
                            + "(bin/task: --token or CASCADENCE_API_TOKEN); tokens are api_tokens of "
                            + "io.cascadence.web");
                    return;
                }
            } else {
                ApiTokens.Entry entry = bearer(authorization, now.tokens());
                if (entry == null) {
                    unauthorized(response, "invalid_token", "the API token is not valid: send Authorization: "
                            + "Bearer TOKEN with one of the api_tokens of io.cascadence.web");
                    return;
                }
                if (entry.isBound()) {
                    String conflict = conflict(request, entry.bound());
                    if (conflict != null) {
                        Json.error(response, HttpServletResponse.SC_FORBIDDEN, conflict);
                        return;
                    }
                    request = new BoundIdentityRequest(request, entry.bound());
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** A CORS preflight: 204 with what the page may send, or 403 for an origin that is not allowed. */
    private static void preflight(HttpServletResponse response, String origin, boolean allowed) throws IOException {
        if (!allowed) {
            Json.error(response, HttpServletResponse.SC_FORBIDDEN, "Origin '" + quote(origin) + "' may not call "
                    + "Cascadence; list it in cors_origins (io.cascadence.web) to allow it");
            return;
        }
        CorsResponse.allowOrigin(response, origin);
        response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
        response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        response.setHeader("Access-Control-Max-Age", PREFLIGHT_SECONDS);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private static void unauthorized(HttpServletResponse response, String error, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", error == null ? "Bearer realm=\"cascadence\""
                : "Bearer realm=\"cascadence\", error=\"" + error + "\"");
        Json.error(response, HttpServletResponse.SC_UNAUTHORIZED, detail);
    }

    /** The entry of an {@code Authorization: Bearer TOKEN} header, or {@code null} when it is not a valid one. */
    static ApiTokens.Entry bearer(String authorization, ApiTokens tokens) {
        String value = authorization.strip();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return tokens.match(value.substring(7).strip());
    }

    /**
     * What a request made with a token bound to {@code bound} says against it: another user (or, for a token bound
     * to a group, another group) in the identity headers or query parameters; {@code null} when nothing.
     */
    static String conflict(HttpServletRequest request, Identity bound) {
        String user = differs(request.getHeader(TasksServlet.USER_HEADER), bound.userId());
        if (user != null) {
            return boundTo(bound, "user", bound.userId()) + "; X-User-ID names '" + quote(user) + "'";
        }
        String group = bound.groupId() == null ? null
                : differs(request.getHeader(TasksServlet.GROUP_HEADER), bound.groupId());
        if (group != null) {
            return boundTo(bound, "group", bound.groupId()) + "; X-Group-ID names '" + quote(group) + "'";
        }
        String query = request.getQueryString();
        if (query == null || !(query.contains(CallerIdentity.USER_PARAMETER)
                || query.contains(CallerIdentity.GROUP_PARAMETER))) {
            return null;
        }
        Map<String, List<String>> parameters;
        try {
            parameters = QueryString.parse(query);
        } catch (InvalidRequestException e) {
            return null; // JsonErrorsFilter refuses the query string, naming the parameter
        }
        for (String value : parameters.getOrDefault(CallerIdentity.USER_PARAMETER, List.of())) {
            if (differs(value, bound.userId()) != null) {
                return boundTo(bound, "user", bound.userId()) + "; user_id names '" + quote(value.strip()) + "'";
            }
        }
        if (bound.groupId() != null) {
            for (String value : parameters.getOrDefault(CallerIdentity.GROUP_PARAMETER, List.of())) {
                if (differs(value, bound.groupId()) != null) {
                    return boundTo(bound, "group", bound.groupId()) + "; group_id names '" + quote(value.strip())
                            + "'";
                }
            }
        }
        return null;
    }

    private static String boundTo(Identity bound, String what, String who) {
        return "the API token is bound to " + what + " '" + who + "' and cannot act for another";
    }

    /** The value sent, when it names someone other than {@code bound}; blank counts as none. */
    private static String differs(String sent, String bound) {
        if (sent == null || sent.isBlank() || sent.strip().equals(bound)) {
            return null;
        }
        return sent.strip();
    }

    private static boolean sameOrigin(HttpServletRequest request, String origin, String host) {
        if (host == null) {
            return false;
        }
        String scheme = request.getScheme();
        return origin.length() == scheme.length() + 3 + host.length()
                && origin.regionMatches(true, 0, scheme, 0, scheme.length())
                && origin.startsWith("://", scheme.length())
                && origin.regionMatches(true, scheme.length() + 3, host, 0, host.length());
    }

    private static String quote(String value) {
        return value.length() <= QUOTED ? value : value.substring(0, QUOTED) + "…";
    }
}
