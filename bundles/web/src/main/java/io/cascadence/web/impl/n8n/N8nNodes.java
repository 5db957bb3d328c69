package io.cascadence.web.impl.n8n;

/**
 * The n8n node types the export emits and the type version of each. Current n8n ({@code n8n-nodes-base} 2.41)
 * defines them, which {@code N8nNodeTypesTest} checks against that package's node definitions; they are not the
 * newest version of each type but ones n8n has read for long, so that n8n 1.x (1.123, {@code n8n-nodes-base}
 * 1.121) imports the workflow too.
 */
public final class N8nNodes {

    public static final String SCHEDULE_TRIGGER = "n8n-nodes-base.scheduleTrigger";
    public static final double SCHEDULE_TRIGGER_VERSION = 1.2;

    public static final String MANUAL_TRIGGER = "n8n-nodes-base.manualTrigger";
    public static final double MANUAL_TRIGGER_VERSION = 1;

    public static final String HTTP_REQUEST = "n8n-nodes-base.httpRequest";
    public static final double HTTP_REQUEST_VERSION = 4.2;

    public static final String MERGE = "n8n-nodes-base.merge";
    public static final double MERGE_VERSION = 3;

    /** The most inputs an n8n Merge node takes. */
    public static final int MERGE_MAX_INPUTS = 10;

    private N8nNodes() {
    }
}
