package io.nextbox.audit;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class FieldChangesTests {

	record Toggles(boolean skip, boolean pause) {
	}

	record Thing(String name, BigDecimal price, Set<Long> plans, Map<Long, Integer> items, Toggles toggles,
			String passwordHash) {
	}

	@Test
	void listsOnlyTheFieldsThatChangedAsAPersonReadsThem() {
		Thing before = new Thing("Cake", new BigDecimal("7.50"), Set.of(10L, 2L), Map.of(3L, 1),
				new Toggles(true, true), "hash-1");
		Thing after = new Thing("Cake", new BigDecimal("7.5"), Set.of(2L, 10L, 4L), Map.of(3L, 2),
				new Toggles(true, false), "hash-2");

		assertThat(FieldChanges.between(before, after)).containsExactly(new FieldChange("plans", "2, 10", "2, 4, 10"),
				new FieldChange("items", "3: 1", "3: 2"), new FieldChange("toggles.pause", "true", "false"),
				FieldChange.secret("passwordHash"));
		assertThat(FieldChanges.between(before, before)).isEmpty();
	}

	@Test
	void aCreationListsEveryFieldThatHasAValue() {
		Thing created = new Thing("Cake", null, Set.of(), Map.of(), new Toggles(false, true), null);

		assertThat(FieldChanges.between(null, created)).containsExactly(new FieldChange("name", "", "Cake"),
				new FieldChange("toggles.skip", "", "false"), new FieldChange("toggles.pause", "", "true"));
	}

	@Test
	void fieldNamesReadAsWords() {
		assertThat(new FieldChange("portalActions.changePlan", "", "").label()).isEqualTo("portal actions: change plan");
	}

	@Test
	void longValuesAndManyFieldsAreCutToFitTheColumn() {
		AuditLog log = new AuditLog(null, Clock.systemUTC());
		List<FieldChange> many = IntStream.range(0, 40)
			.mapToObj(i -> new FieldChange("field" + i, "x".repeat(1000), "y".repeat(1000)))
			.toList();

		String stored = log.fitted(many);

		assertThat(stored.length()).isLessThanOrEqualTo(AuditLog.MAX_CHANGES);
		assertThat(stored).doesNotContain("x".repeat(AuditLog.MAX_VALUE)).contains("\"field\":\"…\"");
		List<FieldChange> read = JsonMapper.builder().build().readValue(stored,
				new tools.jackson.core.type.TypeReference<List<FieldChange>>() {
				});
		FieldChange more = read.get(read.size() - 1);
		assertThat(Integer.parseInt(more.after()) + read.size() - 1).isEqualTo(40);
	}

}
