package io.cascadence.web.impl;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.felix.http.jetty.ConnectorFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.cascadence.api.PluginFolders;
import io.cascadence.api.Scheduler;
import io.cascadence.api.health.HealthContributor;
import io.cascadence.api.health.TransportState;
import io.cascadence.api.health.TransportStates;
import io.cascadence.api.schedule.Schedules;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /health}: 200 and UP when every container bundle is active, otherwise 503 naming the culprits; in
 * both cases with the warnings of every {@link HealthContributor}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cascadence-health")
@HttpWhiteboardServletPattern("/health")
public class HealthServlet extends RoutedServlet {

    static final String PLUGINS_PROPERTY = "cascadence.plugins";

    private static final long serialVersionUID = 1L;
    private static final Routes ROUTES = Routes.of(Routes.route("", "GET"));

    // Referenced only so that /health is registered after them: its first 200 then also means that every error,
    // from Jetty's own refusals to a servlet's, is answered with JSON.
    @Reference(target = "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_NAME + "=" + JsonErrorsFilter.NAME + ")")
    private transient Filter jsonErrors;

    // And after the guard, so that its first 200 means no request passes by the Host, Origin and token checks.
    @Reference(target = "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_NAME + "=" + ApiGuardFilter.NAME + ")")
    private transient Filter apiGuard;

    @Reference(target = "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=" + ErrorPageServlet.NAME + ")")
    private transient Servlet errorPage;

    @Reference(target = "(component.name=" + JettyErrorHandlerInstaller.NAME + ")")
    private transient ConnectorFactory jettyErrors;

    private final transient List<HealthContributor> contributors = new CopyOnWriteArrayList<>();
    private transient BundleContext context;
    private transient Path plugins;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindContributor(HealthContributor contributor) {
        contributors.add(contributor);
    }

    void unbindContributor(HealthContributor contributor) {
        contributors.remove(contributor);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile Schedules schedules;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile Scheduler scheduler;

    /** Folders deployed beside plugins/ ({@code task watch-plugins}): their bundles are plugins too. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile PluginFolders pluginFolders;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile TransportStates transports;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
        String dir = bundleContext.getProperty(PLUGINS_PROPERTY);
        this.plugins = dir == null ? null : Path.of(dir).toAbsolutePath().normalize();
        // Load the JSON machinery now, while HTTP is still starting, rather than in the first request: the first
        // 200 from /health is how scripts and the launcher know the container is up.
        Json.warmUp(HealthReport.of(List.of()).body());
    }

    @Override
    protected Routes routes() {
        return ROUTES;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<BundleView> views = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() == 0) {
                continue;
            }
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            boolean fragment = revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            views.add(new BundleView(bundle.getSymbolicName(), bundle.getVersion().toString(), state(bundle),
                    fragment, isPlugin(bundle.getLocation()), bundle.getLocation()));
        }
        List<String> warnings = new ArrayList<>();
        for (HealthContributor contributor : contributors) {
            try {
                warnings.addAll(contributor.warnings());
            } catch (RuntimeException e) {
                warnings.add(contributor.getClass().getName() + " could not say how it is: " + e);
            }
        }
        HealthReport report = HealthReport.of(views, warnings);
        Scheduler facade = scheduler;
        if (facade != null) {
            Schedules kept = schedules;
            report.body().put("scheduler", kept == null ? SchedulerHealth.of(facade.backend(), false, null)
                    : SchedulerHealth.of(facade.backend(), kept.firing(), kept.schedules()));
        }
        TransportStates ume = transports;
        if (ume != null && !ume.transports().isEmpty()) {
            report.body().put("transports", transports(ume.transports()));
        }
        Json.write(response, report.up() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                report.body());
    }

    /** The event transports by name: state, target, backlog, capacity, delivered, dropped, last error and
     * pointer sync. */
    private static Map<String, Object> transports(List<TransportState> states) {
        Map<String, Object> byName = new LinkedHashMap<>();
        for (TransportState state : states) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("state", state.state());
            entry.put("target", state.target());
            entry.put("backlog", state.backlog());
            entry.put("capacity", state.capacity());
            entry.put("delivered", state.delivered());
            entry.put("dropped", state.dropped());
            entry.put("last_error", state.lastError());
            entry.put("pointer_sync", state.pointerSync());
            byName.put(state.transport(), entry);
        }
        return byName;
    }

    private boolean isPlugin(String location) {
        if (plugins == null || location == null || !location.startsWith("file:")) {
            return false;
        }
        try {
            Path file = Path.of(URI.create(location)).toAbsolutePath().normalize();
            PluginFolders added = pluginFolders;
            return file.startsWith(plugins)
                    || added != null && added.folders().stream().anyMatch(folder -> folder.equals(file.getParent()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }
}
