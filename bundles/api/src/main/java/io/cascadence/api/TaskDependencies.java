package io.cascadence.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Declares the tasks that run before this one under the {@code dag} backend, setting
 * {@link TaskProperties#TASK_DEPENDENCIES}:
 *
 * <pre>{@code
 * @Component(service = Task.class)
 * @TaskName("load")
 * @TaskDependencies("transform")
 * public class Load implements CronTask { ... }
 * }</pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface TaskDependencies {

    /** Maps the single element to {@code cascadence.task.dependencies}. */
    String PREFIX_ = "cascadence.";

    /** The prerequisite task names. */
    String[] value();
}
