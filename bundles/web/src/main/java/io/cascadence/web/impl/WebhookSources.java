package io.cascadence.web.impl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.TaskInfo;
import io.cascadence.api.TaskRegistry;
import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.api.health.HealthContributor;

/**
 * The webhook sources as configured now (every {@link WebhookSourceComponent}, followed as configurations come
 * and go) and the delivery ids they have seen ({@code data/webhooks/<source>.ids}). Its {@code /health} warnings:
 * broken configurations, sources with several, sources whose tasks run unauthenticated, ids that cannot be
 * written.
 */
@Component(service = {WebhookSources.class, HealthContributor.class})
public class WebhookSources implements HealthContributor {

    /** Delivery ids kept per source: far more than a sender redelivers, and a file of some 400 KB at most. */
    static final int KEPT_DELIVERIES = 10_000;
    static final String FOLDER = "webhooks";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSources.class);

    private final List<WebhookSourceComponent> configurations = new CopyOnWriteArrayList<>();
    private volatile WebhookSourceTable table = new WebhookSourceTable(List.of());

    @Reference
    private TaskRegistry registry;

    @Reference
    private CascadenceConfig config;

    private WebhookDeliveries deliveries;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindConfiguration(WebhookSourceComponent configuration) {
        configurations.add(configuration);
        rebuild();
    }

    void unbindConfiguration(WebhookSourceComponent configuration) {
        configurations.remove(configuration);
        rebuild();
    }

    @Activate
    void activate() {
        deliveries = new WebhookDeliveries(config.dataDirectory().resolve(FOLDER), KEPT_DELIVERIES);
    }

    private void rebuild() {
        table = new WebhookSourceTable(configurations.stream().map(WebhookSourceComponent::entry).toList());
    }

    /** How deliveries to {@code source} are checked, or why they are refused. */
    WebhookSourceTable.Lookup lookup(String source) {
        return table.lookup(source);
    }

    /** @see WebhookDeliveries#claim */
    boolean claim(String source, String deliveryId) {
        return deliveries.claim(source, deliveryId);
    }

    /** @see WebhookDeliveries#release */
    void release(String source, String deliveryId) {
        deliveries.release(source, deliveryId);
    }

    /** Writes a delivery id; a failure is logged and listed on {@code /health}, the delivery is answered all the same. */
    void commit(String source, String deliveryId) {
        try {
            deliveries.commit(source, deliveryId);
        } catch (IOException e) {
            LOG.warn("{}", deliveries.problem());
        }
    }

    @Override
    public List<String> warnings() {
        Map<String, List<String>> tasksBySource = new TreeMap<>();
        for (TaskInfo task : registry.tasks()) {
            for (String source : task.webhookSources()) {
                tasksBySource.computeIfAbsent(source, s -> new ArrayList<>()).add(task.name());
            }
        }
        List<String> warnings = new ArrayList<>(table.warnings(tasksBySource));
        String problem = deliveries.problem();
        if (problem != null) {
            warnings.add(problem);
        }
        return warnings;
    }
}
