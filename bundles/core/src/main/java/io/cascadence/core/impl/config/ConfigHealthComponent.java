package io.cascadence.core.impl.config;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.api.health.HealthContributor;

/**
 * Configuration problems on {@code GET /health}: a refused value, an unknown key, a second file for a PID. The
 * container runs on with the previous values, so they are warnings, never a reason to be DOWN.
 */
@Component(service = HealthContributor.class)
public class ConfigHealthComponent implements HealthContributor {

    @Reference
    private CascadenceConfig config;

    @Override
    public List<String> warnings() {
        return config.report().problems().stream().map(p -> "configuration: " + p).toList();
    }
}
