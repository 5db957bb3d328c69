package io.cascadence.web.impl;

/**
 * The run id of {@code POST /tasks/{name}/pause|resume}: {@code ?run_id=}, or the original's {@code ?job_id=}
 * (run_id wins when both are given). Absent, the whole task is meant; present but empty, it is a mistake (an unset
 * variable in a script, say), never a request to pause the whole task.
 *
 * @param name the parameter that was given ({@code run_id} or {@code job_id}); {@code job_id} when neither was
 * @param value its value, or {@code null} when neither was given
 */
record RunIdParameter(String name, String value) {

    static RunIdParameter of(String runId, String jobId) {
        return runId != null ? new RunIdParameter("run_id", runId) : new RunIdParameter("job_id", jobId);
    }

    /** Neither parameter was given: the request is for the whole task. */
    boolean absent() {
        return value == null;
    }

    /**
     * What is wrong with the parameter, for a 400 answer, or {@code null} when nothing is.
     *
     * @param action {@code pause} or {@code resume}
     */
    String problem(String action) {
        if (value == null || !value.isBlank()) {
            return null;
        }
        return name + " query parameter is empty; give the id of a run in progress, or leave " + name + " out to "
                + action + " the whole task";
    }
}
