package io.cascadence.api;

import java.net.URI;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The registered tasks as an n8n workflow that n8n imports and runs ({@code GET /export/n8n},
 * {@code task export-n8n FILE}): a schedule trigger per scheduled task, one manual trigger for the tasks without
 * schedule or prerequisites, an HTTP Request node per task that calls {@code POST <base>/tasks/<name>/run}, and the
 * task graph's prerequisites as connections.
 */
@ProviderType
public interface N8nExport {

    /** The name of the file the workflow is offered as: {@value}. */
    String FILE_NAME = "cascadence-n8n.json";

    /**
     * The workflow as n8n's JSON, UTF-8 text indented by two spaces.
     *
     * @param baseUrl where n8n reaches this container: an absolute {@code http} or {@code https} URL such as
     *        {@code http://127.0.0.1:8000}, with a host and without query or fragment; a path is kept as a prefix
     * @return the workflow
     * @throws InvalidRequestException when {@code baseUrl} is not such a URL, naming what is wrong
     * @throws CascadenceException when the schedules cannot be read (the scheduler bundle is not there)
     */
    String workflow(URI baseUrl);
}
