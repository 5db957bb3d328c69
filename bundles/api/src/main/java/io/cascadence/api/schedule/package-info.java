/**
 * Schedules: cron expressions as values ({@link io.cascadence.api.schedule.CronExpression}), the policies that say
 * what happens to missed and overlapping fires, and the {@link io.cascadence.api.schedule.Schedules} service that
 * keeps them in {@code schedules.yml}.
 */
@Export
@Version("1.0.0")
package io.cascadence.api.schedule;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
