package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunIdParameterTest {

    @Test
    void withoutEitherParameterTheWholeTaskIsMeant() {
        RunIdParameter parameter = RunIdParameter.of(null, null);

        assertThat(parameter.absent()).isTrue();
        assertThat(parameter.problem("pause")).isNull();
    }

    @Test
    void runIdOrTheOriginalsJobIdNamesOneRunAndRunIdWins() {
        assertThat(RunIdParameter.of("r1", null)).isEqualTo(new RunIdParameter("run_id", "r1"));
        assertThat(RunIdParameter.of(null, "j1")).isEqualTo(new RunIdParameter("job_id", "j1"));
        assertThat(RunIdParameter.of("r1", "j1")).isEqualTo(new RunIdParameter("run_id", "r1"));
        assertThat(RunIdParameter.of("r1", null).problem("pause")).isNull();
    }

    @Test
    void anEmptyRunIdIsAProblemNamingTheParameterNotAPauseOfTheWholeTask() {
        RunIdParameter empty = RunIdParameter.of("", null);

        assertThat(empty.absent()).isFalse();
        assertThat(empty.problem("pause")).isEqualTo("run_id query parameter is empty; give the id of a run in "
                + "progress, or leave run_id out to pause the whole task");
    }

    @Test
    void anEmptyOrBlankJobIdIsNamedAsSuch() {
        assertThat(RunIdParameter.of(null, " ").problem("resume")).startsWith("job_id query parameter is empty")
                .endsWith("leave job_id out to resume the whole task");
        assertThat(RunIdParameter.of("", "j1").problem("pause")).startsWith("run_id query parameter is empty");
    }
}
