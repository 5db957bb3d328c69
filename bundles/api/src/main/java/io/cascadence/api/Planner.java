package io.cascadence.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Plans tasks that have no {@link Plan} stage of their own (the original's {@code ai_plan}). Register one as an
 * OSGi service; with several, the highest ranked is used. What it returns is treated like a task's own plan.
 */
@ConsumerType
public interface Planner {

    Object plan(Task task, RunContext context) throws Exception;
}
