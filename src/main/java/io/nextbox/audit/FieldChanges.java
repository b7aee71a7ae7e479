package io.nextbox.audit;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The field-level difference between two states of the same thing, each a record (nested records are compared
 * field by field, {@code portalActions.skip}). Values are compared as the text a person reads, so {@code 5.0} and
 * {@code 5.00} are the same price and a set's order does not matter. A field whose name says it is secret is
 * reported as changed, never with its values.
 */
public final class FieldChanges {

	private static final Pattern SECRET = Pattern.compile("(?i).*(password|token|secret|hash).*");

	private FieldChanges() {
	}

	/** What changed from {@code before} to {@code after}; either may be null (created, removed). */
	public static List<FieldChange> between(Object before, Object after) {
		Map<String, String> old = flatten(before);
		Map<String, String> now = flatten(after);
		List<FieldChange> changes = new ArrayList<>();
		List<String> fields = new ArrayList<>(old.keySet());
		now.keySet().stream().filter(field -> !old.containsKey(field)).forEach(fields::add);
		for (String field : fields) {
			String was = old.getOrDefault(field, "");
			String is = now.getOrDefault(field, "");
			if (!was.equals(is)) {
				changes.add(SECRET.matcher(field).matches() ? FieldChange.secret(field) : new FieldChange(field, was, is));
			}
		}
		return changes;
	}

	private static Map<String, String> flatten(Object value) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (value != null) {
			flatten("", value, fields);
		}
		return fields;
	}

	private static void flatten(String prefix, Object value, Map<String, String> fields) {
		if (!value.getClass().isRecord()) {
			fields.put(prefix.isEmpty() ? "value" : prefix, text(value));
			return;
		}
		for (RecordComponent component : value.getClass().getRecordComponents()) {
			String name = prefix.isEmpty() ? component.getName() : prefix + "." + component.getName();
			Object field = read(component, value);
			if (field != null && field.getClass().isRecord()) {
				flatten(name, field, fields);
			}
			else {
				fields.put(name, text(field));
			}
		}
	}

	private static Object read(RecordComponent component, Object record) {
		try {
			component.getAccessor().setAccessible(true);
			return component.getAccessor().invoke(record);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new IllegalArgumentException("Cannot read " + component.getName() + " of " + record.getClass(), ex);
		}
	}

	/** A value as a person reads it: none is empty, amounts without trailing zeros, sets and maps sorted. */
	static String text(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal amount) {
			return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		if (value instanceof Collection<?> items) {
			return items.stream()
				.filter(Objects::nonNull)
				.map(FieldChanges::text)
				.sorted(FieldChanges::naturally)
				.collect(Collectors.joining(", "));
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, String> sorted = new TreeMap<>(FieldChanges::naturally);
			map.forEach((key, item) -> sorted.put(text(key), text(item)));
			return sorted.entrySet()
				.stream()
				.map(entry -> entry.getKey() + ": " + entry.getValue())
				.collect(Collectors.joining(", "));
		}
		return String.valueOf(value);
	}

	/** Numbers by value (2 before 10), anything else alphabetically. */
	private static int naturally(String a, String b) {
		if (a.matches("-?\\d{1,18}") && b.matches("-?\\d{1,18}")) {
			return Long.compare(Long.parseLong(a), Long.parseLong(b));
		}
		return a.compareTo(b);
	}

}
