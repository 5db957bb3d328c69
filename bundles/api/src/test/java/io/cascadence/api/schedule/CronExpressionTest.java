package io.cascadence.api.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronExpressionTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @ParameterizedTest
    @ValueSource(strings = {"* * * * *", "*/5 * * * *", "0 9 * * MON-FRI", "0 0 1 JAN,jul *", "15 8-18/2 * * 1-5",
        "0 0 * * 7", "0 0 * * 0", "@yearly", "@monthly", "@weekly", "@daily", "@hourly", "  0   12 * *   *  ",
        "0 0 29 2 *", "0 0 31 * *", "5,10,15 1,2 1-10 * SUN"})
    void acceptsPosixCron(String text) {
        assertThat(CronExpression.isValid(text)).isTrue();
        assertThat(CronExpression.parse(text).nextAfter(Instant.parse("2026-01-01T00:00:00Z"), UTC)).isPresent();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "61 * * * *|minute field '61'",
        "* 24 * * *|hour field '24'",
        "* * 0 * *|day-of-month field '0'",
        "* * 32 * *|day-of-month field '32'",
        "* * * 13 *|month field '13'",
        "* * * * 8|day-of-week field '8'",
        "*/0 * * * *|minute field '*/0'",
        "5-1 * * * *|minute field '5-1'",
        "* * L * *|day-of-month field 'L'",
        "* * 15W * *|day-of-month field '15W'",
        "* * * * 5#3|day-of-week field '5#3'",
        "* * ? * *|day-of-month field '?'",
        "0 0 * * * *|has 6 fields",
        "* * * *|has 4 fields",
        "0 0 31 2 *|day-of-month field '31'",
        "0 0 30 2 *|day-of-month field '30'",
        "@often|not a known nickname",
        "a * * * *|minute field 'A'",
    })
    void refusesWithTheFieldNamed(String text, String expected) {
        assertThatThrownBy(() -> CronExpression.parse(text)).isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void aRefusalSaysWhatIsAccepted() {
        assertThatThrownBy(() -> CronExpression.parse("61 * * * *"))
                .hasMessageContaining("accepted: 0-59");
        assertThatThrownBy(() -> CronExpression.parse("* * * * 9"))
                .hasMessageContaining("SUN-SAT");
    }

    @Test
    void sundayIsZeroAndSeven() {
        Instant saturday = Instant.parse("2026-11-28T12:00:00Z");
        Instant sunday = Instant.parse("2026-11-29T00:00:00Z");
        assertThat(next("0 0 * * 0", saturday, UTC)).isEqualTo(sunday);
        assertThat(next("0 0 * * 7", saturday, UTC)).isEqualTo(sunday);
        assertThat(next("0 0 * * SUN", saturday, UTC)).isEqualTo(sunday);
    }

    @Test
    void dayOfMonthAndDayOfWeekBothRestrictedMatchEither() {
        // 2026-11-30 is a Monday; the next 13th is 2026-12-13, the next Friday 2026-12-04.
        Instant monday = Instant.parse("2026-11-30T00:00:00Z");
        assertThat(fires("0 0 13 * FRI", monday, UTC, 3)).containsExactly(
                Instant.parse("2026-12-04T00:00:00Z"), Instant.parse("2026-12-11T00:00:00Z"),
                Instant.parse("2026-12-13T00:00:00Z"));
        // With day-of-week '*', only the 13th.
        assertThat(next("0 0 13 * *", monday, UTC)).isEqualTo(Instant.parse("2026-12-13T00:00:00Z"));
    }

    @Test
    void rangesStepsListsAndNames() {
        Instant start = Instant.parse("2026-11-30T07:59:00Z");
        assertThat(fires("0 8-18/4 * * MON-FRI", start, UTC, 4)).containsExactly(
                Instant.parse("2026-11-30T08:00:00Z"), Instant.parse("2026-11-30T12:00:00Z"),
                Instant.parse("2026-11-30T16:00:00Z"), Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(next("0 0 1 JAN *", start, UTC)).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(next("@hourly", start, UTC)).isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
    }

    @Test
    void leapDayIsFoundWithoutSpinning() {
        assertThat(next("0 0 29 2 *", Instant.parse("2026-03-01T00:00:00Z"), UTC))
                .isEqualTo(Instant.parse("2028-02-29T00:00:00Z"));
        // 2100 is not a leap year: eight years from 2096 to 2104.
        assertThat(next("0 0 29 2 *", Instant.parse("2096-03-01T00:00:00Z"), UTC))
                .isEqualTo(Instant.parse("2104-02-29T00:00:00Z"));
    }

    @Test
    void aFixedTimeInTheSpringGapFiresOnceAtTheEndOfTheGap() {
        // Paris, 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00 UTC).
        Instant before = zoned("2026-03-29T00:00", PARIS);
        assertThat(fires("30 2 * * *", before, PARIS, 2)).containsExactly(
                Instant.parse("2026-03-29T01:00:00Z"), zoned("2026-03-30T02:30", PARIS));
        // 02:00, 02:30 and 03:00 all land on 03:00 CEST: one fire.
        assertThat(fires("0,30 2,3 * * *", before, PARIS, 3)).containsExactly(
                Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-03-29T01:30:00Z"),
                zoned("2026-03-30T02:00", PARIS));
    }

    @Test
    void aFixedTimeThatOccursTwiceFiresOnceAtItsFirstOccurrence() {
        // New York, 2026-11-01: 02:00 EDT goes back to 01:00 EST; 01:30 happens at 05:30 and 06:30 UTC.
        Instant before = zoned("2026-11-01T00:00", NEW_YORK);
        assertThat(fires("30 1 * * *", before, NEW_YORK, 2)).containsExactly(
                Instant.parse("2026-11-01T05:30:00Z"), zoned("2026-11-02T01:30", NEW_YORK));
    }

    @Test
    void hourlySchedulesFollowElapsedTimeAcrossBothTransitions() {
        // Spring: 01:00, then 03:00 CEST, one real hour later; nothing lost.
        assertThat(fires("0 * * * *", zoned("2026-03-29T00:30", PARIS), PARIS, 3)).containsExactly(
                Instant.parse("2026-03-29T00:00:00Z"), Instant.parse("2026-03-29T01:00:00Z"),
                Instant.parse("2026-03-29T02:00:00Z"));
        // Autumn: 02:00 CEST, 02:00 CET, 03:00 CET, 04:00 CET: every real hour, none doubled.
        assertThat(fires("0 * * * *", zoned("2026-10-25T01:30", PARIS), PARIS, 4)).containsExactly(
                Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T01:00:00Z"),
                Instant.parse("2026-10-25T02:00:00Z"), Instant.parse("2026-10-25T03:00:00Z"));
        List<Instant> quarterHours = fires("*/15 * * * *", zoned("2026-10-25T01:50", PARIS), PARIS, 12);
        for (int i = 1; i < quarterHours.size(); i++) {
            assertThat(quarterHours.get(i)).isEqualTo(quarterHours.get(i - 1).plusSeconds(900));
        }
    }

    @Test
    void equalityIsByNormalisedText() {
        assertThat(CronExpression.parse(" 0  9 * * mon-fri")).isEqualTo(CronExpression.parse("0 9 * * MON-FRI"));
        assertThat(CronExpression.parse("0 9 * * mon-fri").text()).isEqualTo("0 9 * * MON-FRI");
        assertThat(CronExpression.parse("@DAILY").text()).isEqualTo("@daily");
    }

    private static Instant next(String cron, Instant after, ZoneId zone) {
        return CronExpression.parse(cron).nextAfter(after, zone).orElseThrow();
    }

    private static List<Instant> fires(String cron, Instant after, ZoneId zone, int count) {
        return CronExpression.parse(cron).firesBetween(after, after.plusSeconds(400L * 86_400), zone, count);
    }

    private static Instant zoned(String local, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.parse(local), zone).toInstant();
    }
}
