package io.cascadence.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Marks a task meant to run on a cron schedule. */
@ConsumerType
public interface CronTask extends Task {
}
