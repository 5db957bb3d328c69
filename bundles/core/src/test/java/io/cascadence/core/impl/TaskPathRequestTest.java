package io.cascadence.core.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.TaskPath;

class TaskPathRequestTest {

    @Test
    void aPathIsSplitIntoBundleAndClassAndBlankOptionsAreNone() {
        TaskPathRequest asked = TaskPathRequest.of(" b.x:b.x.Task ", " ", "");

        assertThat(asked).isEqualTo(new TaskPathRequest("b.x", "b.x.Task", null, null));
        assertThat(asked.stored()).isEqualTo(new TaskPath("b.x:b.x.Task", null, null));
    }

    @Test
    void aNameAndAScheduleAreKeptStripped() {
        TaskPathRequest asked = TaskPathRequest.of("b:c.D", " daily ", " 0 3 * * 1 ");

        assertThat(asked.stored()).isEqualTo(new TaskPath("b:c.D", "daily", "0 3 * * 1"));
    }

    @Test
    void aMalformedPathIsRefusedShowingTheForm() {
        for (String path : new String[] {null, "", "no-colon", "a:b:c", ":c.D", "b: "}) {
            assertThatThrownBy(() -> TaskPathRequest.of(path, null, null))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageStartingWith("path must be 'bundle:Class'");
        }
    }

    @Test
    void anInvalidNameIsRefusedSayingWhatIsAccepted() {
        assertThatThrownBy(() -> TaskPathRequest.of("b:c.D", "no spaces", null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("'no spaces' is not a valid task name; expected 1 to 100 letters");
    }

    @Test
    void aScheduleThatIsNotFiveCronFieldsIsRefusedWithAnExample() {
        for (String schedule : new String[] {"every minute", "* * * *", "* * * * * *"}) {
            assertThatThrownBy(() -> TaskPathRequest.of("b:c.D", null, schedule))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageStartingWith("schedule: cron expression '" + schedule + "' has ")
                    .hasMessageContaining("expected 5 (minute hour day-of-month month day-of-week)");
        }
    }

    @Test
    void aScheduleIsCheckedInFullNamingTheField() {
        for (String schedule : new String[] {"61 * * * *", "* * * * $", "0 0 31 2 *"}) {
            assertThatThrownBy(() -> TaskPathRequest.of("b:c.D", null, schedule))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageStartingWith("schedule: ").hasMessageContaining("field");
        }
        assertThat(TaskPathRequest.of("b:c.D", null, "0 9 * * mon-fri").schedule()).isEqualTo("0 9 * * MON-FRI");
    }
}
