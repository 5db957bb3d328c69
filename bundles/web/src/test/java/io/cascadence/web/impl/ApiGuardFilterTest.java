package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;

/** The guard in front of every route: Host, Origin and CORS, tokens and bound identities. */
class ApiGuardFilterTest {

    private static final String ADMIN = "admin-token-0123456789";
    private static final String ALICE = "alice-token-0123456789";
    private static final String ALICE_OPS = "alice-ops-token-012345";

    /** What reached the route, or {@code null} when the guard answered itself. */
    private final AtomicReference<HttpServletRequest> passed = new AtomicReference<>();
    private final Fakes.Response response = new Fakes.Response();

    @Test
    void withoutTokensEveryRequestFromLoopbackPasses() throws Exception {
        ApiGuardFilter filter = filter("", "writes", "", "");

        send(filter, request("POST", "/tasks/x/run").build());

        assertThat(passed.get()).isNotNull();
    }

    @Test
    void aWriteWithoutATokenIs401WithWwwAuthenticateAndAReadIsNot() throws Exception {
        ApiGuardFilter filter = filter(ADMIN, "writes", "", "");

        send(filter, request("POST", "/tasks/x/run").build());
        assertThat(passed.get()).isNull();
        assertThat(response.status).isEqualTo(401);
        assertThat(response.headers.get("WWW-Authenticate")).startsWith("Bearer");
        assertThat(Exchange.json(response).path("detail").asText()).contains("Authorization: Bearer")
                .contains("--token").doesNotContain(ADMIN);

        Fakes.Response read = new Fakes.Response();
        filter.doFilter(request("GET", "/tasks").build(), read.proxy, (req, res) -> passed.set((HttpServletRequest) req));
        assertThat(passed.get()).isNotNull();
    }

    @Test
    void theRightTokenPassesAndAWrongOneIs401EvenOnAGet() throws Exception {
        ApiGuardFilter filter = filter(ADMIN + ", " + ALICE + "=alice", "writes", "", "");

        send(filter, request("POST", "/tasks/x/run").header("Authorization", "Bearer " + ADMIN).build());
        assertThat(passed.get()).isNotNull();

        passed.set(null);
        Fakes.Response wrong = new Fakes.Response();
        filter.doFilter(request("GET", "/tasks").header("Authorization", "Bearer " + ADMIN + "x").build(),
                wrong.proxy, (req, res) -> passed.set((HttpServletRequest) req));
        assertThat(passed.get()).isNull();
        assertThat(wrong.status).isEqualTo(401);
        assertThat(wrong.headers.get("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void scopeAllLetsABrowserLoadTheDashboardPageWithoutATokenButNothingElse() throws Exception {
        ApiGuardFilter filter = filter(ADMIN, "all", "", "");

        for (String page : List.of("/", "/index.html", "/ui/app.js")) {
            passed.set(null);
            send(filter, request("GET", page).build());
            assertThat(passed.get()).as(page).isNotNull();
        }
        for (String other : List.of("/tasks", "/ui/../tasks", "/uix", "/events")) {
            assertThat(refused(filter, request("GET", other).build())).as(other).isEqualTo(401);
        }
        assertThat(refused(filter, request("POST", "/").build())).isEqualTo(401);
    }

    /** The status the filter answers with, when it does not let the request through. */
    private static int refused(ApiGuardFilter filter, HttpServletRequest request) throws Exception {
        Fakes.Response answer = new Fakes.Response();
        AtomicReference<ServletRequest> through = new AtomicReference<>();
        filter.doFilter(request, answer.proxy, (req, res) -> through.set(req));
        assertThat(through.get()).as(request.getRequestURI() + " must not pass").isNull();
        return answer.status;
    }

    @Test
    void scopeAllNeedsATokenForReadsButNotForPreflights() throws Exception {
        ApiGuardFilter filter = filter(ADMIN, "all", "", "https://ops.example.com");

        send(filter, request("GET", "/tasks").build());
        assertThat(response.status).isEqualTo(401);

        Fakes.Response preflight = new Fakes.Response();
        filter.doFilter(request("OPTIONS", "/tasks/x/run").header("Origin", "https://ops.example.com")
                .header("Access-Control-Request-Method", "POST").build(), preflight.proxy,
                (req, res) -> passed.set((HttpServletRequest) req));
        assertThat(preflight.status).isEqualTo(204);
        assertThat(preflight.headers.get("Access-Control-Allow-Origin")).isEqualTo("https://ops.example.com");
        assertThat(preflight.headers.get("Access-Control-Allow-Headers")).contains("Authorization")
                .contains("X-User-ID");
    }

    @Test
    void theLauncherTokenIsAcceptedBesideTheConfiguredOnesButOnlyWhenTokensAreOn() throws Exception {
        ApiGuardFilter filter = new ApiGuardFilter();
        Exchange.inject(filter, "launcherToken", "launcher-secret-0123456789");
        filter.configure(configuration(ADMIN, "all", "", ""));

        send(filter, request("GET", "/tasks").header("Authorization", "Bearer launcher-secret-0123456789").build());

        assertThat(passed.get()).isNotNull();
    }

    @Test
    void aBoundTokenIsItsIdentityAndCannotNameAnother() throws Exception {
        ApiGuardFilter filter = filter(ALICE + "=alice, " + ALICE_OPS + "=alice:ops", "all", "", "");

        send(filter, request("GET", "/pointers/p").header("Authorization", "Bearer " + ALICE).build());
        assertThat(passed.get().getHeader("X-User-ID")).isEqualTo("alice");

        Fakes.Response other = new Fakes.Response();
        passed.set(null);
        filter.doFilter(request("GET", "/pointers/p").header("Authorization", "Bearer " + ALICE)
                .header("X-User-ID", "2bd806c97f0e00af1a1fc3328fa763a9269723c8db8fac4f93af71db186d6e91").build(),
                other.proxy, (req, res) -> passed.set((HttpServletRequest) req));
        assertThat(passed.get()).isNull();
        assertThat(other.status).isEqualTo(403);
        assertThat(Exchange.json(other).path("detail").asText()).contains("bound to user 'alice'")
                .contains("X-User-ID");

        Fakes.Response query = new Fakes.Response();
        filter.doFilter(request("GET", "/pointers/p?user_id=bob").header("Authorization", "Bearer " + ALICE).build(),
                query.proxy, (req, res) -> passed.set((HttpServletRequest) req));
        assertThat(query.status).isEqualTo(403);
        assertThat(Exchange.json(query).path("detail").asText()).contains("user_id names 'bob'");

        Fakes.Response group = new Fakes.Response();
        filter.doFilter(request("GET", "/pointers/p").header("Authorization", "Bearer " + ALICE_OPS)
                .header("X-Group-ID", "dev").build(), group.proxy, (req, res) -> passed.set((HttpServletRequest) req));
        assertThat(group.status).isEqualTo(403);

        filter.doFilter(request("GET", "/pointers/p?user_id=alice").header("Authorization", "Bearer " + ALICE_OPS)
                .build(), new Fakes.Response().proxy, (req, res) -> passed.set((HttpServletRequest) req));
        assertThat(passed.get().getHeader("X-Group-ID")).isEqualTo("ops");
    }

    @Test
    void aWebhookDeliveryNeedsNoTokenButItsHostIsCheckedExceptOnTheWebhookListener() throws Exception {
        ApiGuardFilter filter = filter(ADMIN, "all", "", "");

        send(filter, request("POST", "/webhook/github").build());
        assertThat(passed.get()).isNotNull();

        passed.set(null);
        send(filter, request("POST", "/webhookx").build());
        assertThat(passed.get()).isNull();
        assertThat(response.status).isEqualTo(401);

        Fakes.Response foreign = new Fakes.Response();
        filter.doFilter(request("POST", "/webhook/github").header("Host", "hooks.example.com").build(),
                foreign.proxy, (req, res) -> passed.set((HttpServletRequest) req));
        assertThat(passed.get()).isNull();
        assertThat(foreign.status).isEqualTo(421);

        filter.doFilter(request("POST", "/webhook/github").header("Host", "hooks.example.com").onListener().build(),
                new Fakes.Response().proxy, (req, res) -> passed.set((HttpServletRequest) req));
        assertThat(passed.get()).isNotNull();
    }

    @Test
    void aHostThatIsNotAllowedIs421NamingItAndTheKey() throws Exception {
        ApiGuardFilter filter = filter("", "writes", "", "");

        send(filter, request("GET", "/tasks").header("Host", "evil.example:8000").build());

        assertThat(passed.get()).isNull();
        assertThat(response.status).isEqualTo(421);
        assertThat(Exchange.json(response).path("detail").asText()).contains("'evil.example'")
                .contains("allowed_hosts");
    }

    @Test
    void loopbackNamesListedHostsAndStarAreAllowed() throws Exception {
        ApiGuardFilter filter = filter("", "writes", "cascadence.example.com", "");
        for (String host : new String[] {"localhost:8000", "127.0.0.1", "[::1]:8000", "LOCALHOST",
                "cascadence.example.com:8000"}) {
            passed.set(null);
            filter.doFilter(request("GET", "/tasks").header("Host", host).build(), new Fakes.Response().proxy,
                    (req, res) -> passed.set((HttpServletRequest) req));
            assertThat(passed.get()).as(host).isNotNull();
        }
        ApiGuardFilter any = filter("", "writes", "*", "");
        send(any, request("GET", "/tasks").header("Host", "evil.example").build());
        assertThat(passed.get()).isNotNull();
    }

    @Test
    void aWriteFromAnotherOriginIs403UnlessListedAndAListedOneGetsAllowOrigin() throws Exception {
        ApiGuardFilter filter = filter("", "writes", "", "https://ops.example.com");

        send(filter, request("POST", "/tasks/x/run").header("Origin", "https://evil.example").build());
        assertThat(passed.get()).isNull();
        assertThat(response.status).isEqualTo(403);
        assertThat(Exchange.json(response).path("detail").asText()).contains("cors_origins");

        Fakes.Response listed = new Fakes.Response();
        filter.doFilter(request("POST", "/tasks/x/run").header("Origin", "https://ops.example.com").build(),
                listed.proxy, (req, res) -> {
                    passed.set((HttpServletRequest) req);
                    res.reset(); // as JsonErrorsFilter does before an error: the CORS headers stay
                });
        assertThat(passed.get()).isNotNull();
        assertThat(listed.headers.get("Access-Control-Allow-Origin")).isEqualTo("https://ops.example.com");

        passed.set(null);
        filter.doFilter(request("POST", "/tasks/x/run").header("Origin", "http://127.0.0.1:8000").build(),
                new Fakes.Response().proxy, (req, res) -> passed.set((HttpServletRequest) req));
        assertThat(passed.get()).as("the API's own origin").isNotNull();

        passed.set(null);
        Fakes.Response read = new Fakes.Response();
        filter.doFilter(request("GET", "/tasks").header("Origin", "https://evil.example").build(), read.proxy,
                (req, res) -> passed.set((HttpServletRequest) req));
        assertThat(passed.get()).as("a read, which the browser does not let the page see").isNotNull();
        assertThat(read.headers).doesNotContainKey("Access-Control-Allow-Origin");
    }

    @Test
    void aPreflightFromAnOriginThatIsNotListedIs403() throws Exception {
        ApiGuardFilter filter = filter("", "writes", "", "");

        send(filter, request("OPTIONS", "/tasks").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").build());

        assertThat(response.status).isEqualTo(403);
        assertThat(response.headers).doesNotContainKey("Access-Control-Allow-Origin");
    }

    @Test
    void beyondLoopbackWithoutTokensIsAHealthWarning() {
        ApiGuardFilter filter = new ApiGuardFilter();
        Exchange.inject(filter, "boundHost", "0.0.0.0");
        filter.configure(configuration("", "writes", "", ""));
        assertThat(filter.warnings()).singleElement().asString().contains("0.0.0.0").contains("api_tokens");

        filter.configure(configuration(ADMIN, "writes", "", ""));
        assertThat(filter.warnings()).isEmpty();

        Exchange.inject(filter, "boundHost", "127.0.0.1");
        filter.configure(configuration("", "writes", "", ""));
        assertThat(filter.warnings()).isEmpty();
    }

    @Test
    void hostNamesAreComparedWithoutPortCaseAndIpv6Spelling() {
        AllowedHosts hosts = AllowedHosts.of("Build.Example", Set.of());
        assertThat(hosts.allows("build.example:80")).isTrue();
        assertThat(hosts.allows("[0:0:0:0:0:0:0:1]:8000")).isTrue();
        assertThat(hosts.allows("build.example.evil")).isFalse();
        assertThat(hosts.allows("[::2]")).isFalse();
    }

    private void send(ApiGuardFilter filter, HttpServletRequest request) throws IOException, ServletException {
        filter.doFilter(request, response.proxy, (req, res) -> passed.set((HttpServletRequest) req));
    }

    private static ApiGuardFilter filter(String tokens, String scope, String hosts, String origins) {
        ApiGuardFilter filter = new ApiGuardFilter();
        filter.configure(configuration(tokens, scope, hosts, origins));
        return filter;
    }

    static WebConfiguration configuration(String tokens, String scope, String hosts, String origins) {
        return (WebConfiguration) Proxy.newProxyInstance(WebConfiguration.class.getClassLoader(),
                new Class<?>[] {WebConfiguration.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "api__tokens" -> tokens;
                    case "api__tokens__scope" -> scope;
                    case "allowed__hosts" -> hosts;
                    case "cors__origins" -> origins;
                    case "sync__wait" -> 30.0;
                    case "max__body__size" -> 1 << 20;
                    case "annotationType" -> WebConfiguration.class;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static RequestBuilder request(String method, String uri) {
        return new RequestBuilder(method, uri);
    }

    /** A request as Jetty hands it over: method, URI, query and headers, from 127.0.0.1:8000 unless told. */
    private static final class RequestBuilder {

        private final String method;
        private final String uri;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private boolean onListener;

        RequestBuilder(String method, String uri) {
            this.method = method;
            this.uri = uri;
            headers.put("Host", "127.0.0.1:8000");
        }

        RequestBuilder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** As {@link WebhookListener} marks a request that came in on the webhook listener's port. */
        RequestBuilder onListener() {
            onListener = true;
            return this;
        }

        HttpServletRequest build() {
            int q = uri.indexOf('?');
            return (HttpServletRequest) Proxy.newProxyInstance(ApiGuardFilterTest.class.getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "getMethod" -> method;
                        case "getScheme" -> "http";
                        case "getRequestURI" -> q < 0 ? uri : uri.substring(0, q);
                        case "getQueryString" -> q < 0 ? null : uri.substring(q + 1);
                        // As the whiteboard routes it: a path's dot segments resolved, under a servlet of its own.
                        case "getServletPath" -> URI.create(q < 0 ? uri : uri.substring(0, q)).normalize().getPath();
                        case "getPathInfo" -> null;
                        case "getHeader" -> headers.entrySet().stream()
                                .filter(h -> h.getKey().equalsIgnoreCase((String) args[0]))
                                .map(Map.Entry::getValue).findFirst().orElse(null);
                        case "getAttribute" -> onListener && WebhookListener.ON_LISTENER.equals(args[0])
                                ? Boolean.TRUE : null;
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }
}
