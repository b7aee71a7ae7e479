package io.nextbox.recommendation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a poll learns enough orders at once to retune the model. */
class ModelMaintenanceTests {

	@Test
	void aThousandOrdersInOnePollRetuneAnyModel() {
		assertThat(ModelMaintenance.retunes(1_000, 5_000_000)).isTrue();
		assertThat(ModelMaintenance.retunes(999, 5_000_000)).isFalse();
	}

	@Test
	void aTenthOfTheModelsOrdersRetunesIt() {
		assertThat(ModelMaintenance.retunes(500, 5_000)).isTrue();
		assertThat(ModelMaintenance.retunes(499, 5_000)).isFalse();
	}

	@Test
	void aSmallStoresOrdinaryOrdersNeverRetuneIt() {
		assertThat(ModelMaintenance.retunes(49, 100)).isFalse();
		assertThat(ModelMaintenance.retunes(50, 100)).isTrue();
		assertThat(ModelMaintenance.retunes(0, 0)).isFalse();
	}

}
