package io.cascadence.web.impl;

import java.net.URI;
import java.time.Instant;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.cascadence.api.CascadenceException;
import io.cascadence.api.N8nExport;
import io.cascadence.api.TaskRegistry;
import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.api.schedule.Schedules;
import io.cascadence.web.impl.n8n.BaseUrl;
import io.cascadence.web.impl.n8n.N8nWorkflow;

/**
 * The n8n export ({@link N8nWorkflow}) over the registered tasks, their schedules and the task graph. The schedules
 * come with the scheduler bundle: without it the export is refused (503 over HTTP) rather than made without them.
 */
@Component(service = N8nExport.class)
public class N8nExportComponent implements N8nExport {

    private static final ObjectWriter WRITER = new ObjectMapper().writerWithDefaultPrettyPrinter();

    @Reference
    private TaskRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Schedules schedules;

    @Reference
    private CascadenceConfig config;

    @Override
    public String workflow(URI baseUrl) {
        String base = BaseUrl.check("base URL", baseUrl);
        Schedules book = SchedulesUnavailableException.require(schedules);
        try {
            return WRITER.writeValueAsString(N8nWorkflow.build(base, registry.tasks(), book.schedules(),
                    book.dependencies(), config.timezone(), Instant.now())) + "\n";
        } catch (JsonProcessingException e) {
            throw new CascadenceException("the n8n workflow could not be written as JSON: " + e.getOriginalMessage(),
                    e);
        }
    }
}
