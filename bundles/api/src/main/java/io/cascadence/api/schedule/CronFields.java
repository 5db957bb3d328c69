package io.cascadence.api.schedule;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.field.CronFieldName;
import com.cronutils.model.field.expression.Always;
import com.cronutils.model.field.expression.And;
import com.cronutils.model.field.expression.Between;
import com.cronutils.model.field.expression.Every;
import com.cronutils.model.field.expression.FieldExpression;
import com.cronutils.model.field.expression.On;
import com.cronutils.model.field.value.FieldValue;
import com.cronutils.model.field.value.IntegerFieldValue;
import com.cronutils.parser.CronParser;

/**
 * The five POSIX cron fields, parsed by cron-utils and turned into the set of values each one matches. cron-utils
 * is the arbiter of the syntax; what it accepts beyond POSIX ({@code ?}, reversed ranges read as wrapping, a step
 * of zero) is refused here.
 */
final class CronFields {

    /** minute, hour, day-of-month, month, day-of-week: name, lowest, highest, what is accepted. */
    enum Field {
        MINUTE("minute", 0, 59, "0-59"),
        HOUR("hour", 0, 23, "0-23"),
        DAY_OF_MONTH("day-of-month", 1, 31, "1-31"),
        MONTH("month", 1, 12, "1-12 or JAN-DEC"),
        DAY_OF_WEEK("day-of-week", 0, 7, "0-7 (0 and 7 are Sunday) or SUN-SAT");

        final String label;
        final int min;
        final int max;
        final String values;

        Field(String label, int min, int max, String values) {
            this.label = label;
            this.min = min;
            this.max = max;
            this.values = values;
        }

        String accepted() {
            return "accepted: " + values + ", '*', ranges such as " + example() + ", lists with ',' and steps such "
                    + "as '*/15' or '" + example() + "/2'";
        }

        private String example() {
            return switch (this) {
                case MONTH -> "JAN-MAR";
                case DAY_OF_WEEK -> "MON-FRI";
                default -> min + "-" + (min + 5);
            };
        }
    }

    static final Map<String, String> NICKNAMES = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    private static final CronDefinition DEFINITION = CronDefinitionBuilder.defineCron()
            .withMinutes().withValidRange(0, 59).withStrictRange().and()
            .withHours().withValidRange(0, 23).withStrictRange().and()
            .withDayOfMonth().withValidRange(1, 31).withStrictRange().and()
            .withMonth().withValidRange(1, 12).withStrictRange().and()
            .withDayOfWeek().withValidRange(0, 7).withMondayDoWValue(1).withIntMapping(7, 0).withStrictRange().and()
            .instance();

    private static final CronParser PARSER = new CronParser(DEFINITION);

    private CronFields() {
    }

    /**
     * The values each of the five fields matches, in field order; day-of-week values are 0 (Sunday) to 6. One
     * cron-utils parse for the whole expression; only when it refuses is each field parsed alone, to name the
     * field at fault.
     *
     * @throws InvalidScheduleException naming the field and what it accepts
     */
    static BitSet[] parse(String[] fields) {
        Cron cron;
        try {
            cron = PARSER.parse(String.join(" ", fields));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            for (Field field : Field.values()) {
                probe(field, fields[field.ordinal()]);
            }
            throw new InvalidScheduleException("cron expression '" + String.join(" ", fields) + "' is not valid: "
                    + reason(e));
        }
        BitSet[] values = new BitSet[fields.length];
        for (Field field : Field.values()) {
            values[field.ordinal()] = values(field, fields[field.ordinal()],
                    cron.retrieve(cronUtilsName(field)).getExpression());
        }
        return values;
    }

    /** Parses {@code text} as {@code field} with every other field '*', to tell which field cron-utils refuses. */
    private static void probe(Field field, String text) {
        String[] probe = {"*", "*", "*", "*", "*"};
        probe[field.ordinal()] = text;
        try {
            PARSER.parse(String.join(" ", probe));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw refused(field, text, reason(e));
        }
    }

    private static BitSet values(Field field, String text, FieldExpression expression) {
        BitSet values = new BitSet(field.max + 1);
        add(field, text, expression, values);
        if (field == Field.DAY_OF_WEEK && values.get(7)) {
            values.clear(7);
            values.set(0);
        }
        return values;
    }

    private static void add(Field field, String text, FieldExpression expression, BitSet values) {
        if (expression instanceof Always) {
            values.set(field.min, field.max + 1);
        } else if (expression instanceof On on) {
            if (on.getSpecialChar() != null && on.getSpecialChar().getValue() != null
                    && !"NONE".equals(on.getSpecialChar().getValue().name())) {
                throw refused(field, text, "'" + on.getSpecialChar().getValue() + "' is not POSIX cron");
            }
            values.set(value(field, text, on.getTime()));
        } else if (expression instanceof Between between) {
            int from = value(field, text, between.getFrom());
            int to = value(field, text, between.getTo());
            if (from > to) {
                throw refused(field, text, "the range " + from + "-" + to + " is reversed (write " + to + "-" + from
                        + ")");
            }
            values.set(from, to + 1);
        } else if (expression instanceof Every every) {
            int step = every.getPeriod().getValue();
            if (step <= 0 || step > field.max) {
                throw refused(field, text, "a step must be 1 to " + field.max);
            }
            BitSet range = new BitSet(field.max + 1);
            FieldExpression base = every.getExpression();
            int from = field.min;
            int to = field.max;
            if (base instanceof On on) {
                from = value(field, text, on.getTime());
            } else if (base instanceof Between between) {
                from = value(field, text, between.getFrom());
                to = value(field, text, between.getTo());
                if (from > to) {
                    throw refused(field, text, "the range " + from + "-" + to + " is reversed");
                }
            } else if (!(base instanceof Always)) {
                throw refused(field, text, "a step applies to '*', a value or a range");
            }
            for (int v = from; v <= to; v += step) {
                range.set(v);
            }
            values.or(range);
        } else if (expression instanceof And and) {
            for (FieldExpression part : and.getExpressions()) {
                add(field, text, part, values);
            }
        } else {
            throw refused(field, text, "'" + expression.asString() + "' is not POSIX cron");
        }
    }

    private static int value(Field field, String text, FieldValue<?> value) {
        if (!(value instanceof IntegerFieldValue number)) {
            throw refused(field, text, "'" + value + "' is not a value of this field");
        }
        int v = number.getValue();
        if (v < field.min || v > field.max) {
            throw refused(field, text, v + " is out of range");
        }
        return v;
    }

    private static CronFieldName cronUtilsName(Field field) {
        return List.of(CronFieldName.MINUTE, CronFieldName.HOUR, CronFieldName.DAY_OF_MONTH, CronFieldName.MONTH,
                CronFieldName.DAY_OF_WEEK).get(field.ordinal());
    }

    static InvalidScheduleException refused(Field field, String text, String reason) {
        return new InvalidScheduleException(field.label + " field '" + text + "' is not valid: " + reason + "; "
                + field.accepted());
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace("Failed to parse cron expression. ", "").replace("Failed to parse '", "'");
    }
}
