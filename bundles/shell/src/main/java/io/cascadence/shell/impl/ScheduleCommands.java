package io.cascadence.shell.impl;

import java.util.stream.Collectors;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.cascadence.api.CascadenceException;
import io.cascadence.api.Identity;
import io.cascadence.api.schedule.CronExpression;
import io.cascadence.api.schedule.MisfirePolicy;
import io.cascadence.api.schedule.OverlapPolicy;
import io.cascadence.api.schedule.Schedule;
import io.cascadence.api.schedule.Schedules;

/**
 * {@code task:schedule}, {@code task:unschedule} and {@code task:schedules}: the same operations and output as
 * {@code bin/task}, over the {@link Schedules} service. The service comes with the scheduler bundle and may be
 * absent: the commands stay (Tab completion and {@code help} show them) and say so when used.
 */
@Component(service = ScheduleCommands.class, property = {
    "osgi.command.scope=task",
    "osgi.command.function=schedule",
    "osgi.command.function=unschedule",
    "osgi.command.function=schedules"
})
public class ScheduleCommands {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Schedules schedules;

    @Descriptor("give a task a cron schedule (quote the expression): NAME scheduled: EXPRESSION, then its next fire")
    public String schedule(
            @Descriptor("IANA time zone, e.g. Europe/Paris (default: the scheduler's timezone)")
            @Parameter(names = {"-z", "--timezone"}, absentValue = "") String timezone,
            @Descriptor("missed fires: skip, run_once (default) or run_all")
            @Parameter(names = {"-m", "--misfire"}, absentValue = "") String misfire,
            @Descriptor("a fire while the previous run goes on: skip (default), queue_one or allow")
            @Parameter(names = {"-o", "--overlap"}, absentValue = "") String overlap,
            @Descriptor("user id the scheduled runs are for") @Parameter(names = {"-u", "--user-id"}, absentValue = "")
            String userId,
            @Descriptor("group id the scheduled runs are for") @Parameter(names = {"-g", "--group-id"},
                    absentValue = "") String groupId,
            @Descriptor("task name") String name,
            @Descriptor("cron expression, e.g. \"0 9 * * MON-FRI\" or @daily") String expression) {
        Schedule schedule = new Schedule(name, CronExpression.parse(expression), Schedule.zone(timezone),
                new Identity(userId, groupId), MisfirePolicy.parse(misfire), OverlapPolicy.parse(overlap));
        return ScheduleLines.scheduled(book().schedule(schedule));
    }

    @Descriptor("remove a task's schedule; the task stays registered")
    public String unschedule(@Descriptor("task name") String name) {
        book().unschedule(name);
        return name + " unscheduled";
    }

    @Descriptor("list the schedules: <name> TAB <expression> TAB <next fire, UTC, or -> [TAB <own time zone>]")
    public String schedules() {
        return book().schedules().stream().map(ScheduleLines::line).collect(Collectors.joining("\n"));
    }

    private Schedules book() {
        Schedules current = schedules;
        if (current == null) {
            throw new CascadenceException("schedules are not available: the scheduler bundle "
                    + "(io.cascadence.scheduler) that keeps them is not installed or not started");
        }
        return current;
    }
}
