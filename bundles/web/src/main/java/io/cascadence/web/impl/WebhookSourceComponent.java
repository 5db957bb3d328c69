package io.cascadence.web.impl;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.WebhookTask;

/**
 * One webhook source configuration ({@code config/io.cascadence.webhook-<name>.cfg}): an instance per factory
 * configuration, created, changed and removed as FileInstall applies the files, so a secret takes effect without a
 * restart. A configuration that is not valid still makes an instance, so that {@link WebhookSources} can name it
 * on {@code /health} and refuse deliveries to the source it was meant for.
 */
@Component(service = WebhookSourceComponent.class, configurationPid = WebhookSettings.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = WebhookSourceConfiguration.class, factory = true)
public class WebhookSourceComponent {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSourceComponent.class);
    private static final String FILE_PROPERTY = "felix.fileinstall.filename";

    private WebhookSourceTable.Entry entry;

    @Activate
    void activate(Map<String, Object> properties) {
        entry = entry(properties);
        if (entry.settings() == null) {
            LOG.warn("Webhook configuration {} is ignored: {}", entry.origin(), entry.problem());
        } else {
            LOG.info("Webhook source '{}' configured by {}: {}", entry.claimed(), entry.origin(),
                    entry.settings().authenticated() ? "deliveries must carry a valid "
                            + entry.settings().signatureHeader() : "no secret, deliveries are not verified");
        }
    }

    WebhookSourceTable.Entry entry() {
        return entry;
    }

    static WebhookSourceTable.Entry entry(Map<String, ?> properties) {
        String origin = origin(properties);
        try {
            WebhookSettings settings = WebhookSettings.of(properties, origin);
            return new WebhookSourceTable.Entry(origin, settings.source(), settings, null);
        } catch (IllegalArgumentException e) {
            String named = name(properties);
            return new WebhookSourceTable.Entry(origin, WebhookTask.isSourceName(named) ? named : null, null,
                    e.getMessage());
        }
    }

    /** The file the configuration came from, else its PID. */
    private static String origin(Map<String, ?> properties) {
        Object file = properties.get(FILE_PROPERTY);
        if (file != null) {
            try {
                return Path.of(URI.create(file.toString())).toString();
            } catch (IllegalArgumentException e) {
                return file.toString();
            }
        }
        return "configuration " + properties.get(Constants.SERVICE_PID);
    }

    /** The configuration's own name: {@code github} of PID {@code io.cascadence.webhook~github} or its file. */
    private static String name(Map<String, ?> properties) {
        Object pid = properties.get(Constants.SERVICE_PID);
        if (pid != null && pid.toString().contains("~")) {
            return pid.toString().substring(pid.toString().indexOf('~') + 1);
        }
        Object file = properties.get(FILE_PROPERTY);
        if (file != null) {
            String name = file.toString().substring(file.toString().lastIndexOf('/') + 1);
            String prefix = WebhookSettings.FACTORY_PID + "-";
            if (name.startsWith(prefix) && name.lastIndexOf('.') > prefix.length()) {
                return name.substring(prefix.length(), name.lastIndexOf('.'));
            }
        }
        return null;
    }
}
