package cn.beian.platform.inbox;

import cn.beian.testing.TestClock;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A filled-in instance of any event payload record, built from its components' types: every field set (strings,
 * numbers, times from the test clock, the first enum constant, lists and maps of one element, nested records), so
 * that a decoded copy that lost a field is not equal to it.
 */
final class Samples {

    private Samples() {
    }

    static Object of(Class<?> type) {
        return value(type, type, 0);
    }

    private static Object value(Class<?> raw, Type generic, int depth) {
        if (raw == String.class) {
            return "s" + depth;
        }
        if (raw == long.class || raw == Long.class) {
            return 7L;
        }
        if (raw == int.class || raw == Integer.class) {
            return 3;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == double.class || raw == Double.class) {
            return 1.5d;
        }
        if (raw == BigDecimal.class) {
            return new BigDecimal("1.50");
        }
        if (raw == OffsetDateTime.class) {
            return TestClock.now();
        }
        if (raw == Instant.class) {
            return TestClock.now().toInstant();
        }
        if (raw == LocalDate.class) {
            return TestClock.today();
        }
        if (raw == UUID.class) {
            return UUID.nameUUIDFromBytes(raw.getName().getBytes());
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw == List.class || raw == Set.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Object one = value(rawOf(element), element, depth + 1);
            return raw == List.class ? List.of(one) : Set.of(one);
        }
        if (raw == Map.class) {
            Type[] args = ((ParameterizedType) generic).getActualTypeArguments();
            return Map.of(value(rawOf(args[0]), args[0], depth + 1), value(rawOf(args[1]), args[1], depth + 1));
        }
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = value(types[i], components[i].getGenericType(), depth + 1);
            }
            try {
                Constructor<?> canonical = raw.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                return canonical.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build a " + raw.getName(), e);
            }
        }
        throw new IllegalArgumentException("no sample for " + generic.getTypeName());
    }

    private static Class<?> rawOf(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }
}
