package io.cascadence.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Names a task component, setting {@link TaskProperties#TASK_NAME}. It is kept at run time, so it also names a
 * task class registered by path ({@code POST /tasks?path=bundle:Class}):
 *
 * <pre>{@code
 * @Component(service = Task.class)
 * @TaskName("hello")
 * public class HelloTask implements Task { ... }
 * }</pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TaskName {

    /** Maps the single element to {@code cascadence.task.name}. */
    String PREFIX_ = "cascadence.";

    /** The task's name; see {@link TaskProperties#TASK_NAME} for what is accepted. */
    String value();
}
