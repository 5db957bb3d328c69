/**
 * The Cascadence API: what a task plugin implements and what surfaces (REST, shell, command line) call.
 *
 * <p>A plugin contributes a task by registering a {@link io.cascadence.api.Task} service that carries the
 * {@link io.cascadence.api.TaskProperties#TASK_NAME} property, most easily with the {@link io.cascadence.api.TaskName}
 * component property type. Every run, whatever triggered it, goes through the active {@link io.cascadence.api.Scheduler}.
 */
@Export
@Version("1.3.0")
package io.cascadence.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
