package io.nextbox.subscription;

import io.nextbox.store.StoreSettings.PortalActions;
import io.nextbox.subscription.SubscriptionDetails.AvailableActions;
import io.nextbox.subscription.SubscriptionPolicy.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionPolicyTests {

	private static final PortalActions ALL = PortalActions.all();

	@Test
	void anActiveSubscriptionWithAnOpenBoxCanDoEverythingButResumeAndReactivate() {
		AvailableActions can = SubscriptionPolicy.available(ALL,
				new State(SubscriptionStatus.ACTIVE, true, false, false, 3));
		assertThat(can).isEqualTo(new AvailableActions(true, false, true, true, false, true, true, true, true, false));
	}

	@Test
	void aLockedBoxStopsEveryChangeToIt() {
		AvailableActions can = SubscriptionPolicy.available(ALL,
				new State(SubscriptionStatus.ACTIVE, true, true, true, 3));
		assertThat(can.skip()).isFalse();
		assertThat(can.unskip()).isFalse();
		assertThat(can.reschedule()).isFalse();
		assertThat(can.changeQuantity()).isFalse();
		assertThat(can.changePlan()).isFalse();
		assertThat(can.changeInterval()).isTrue();
		assertThat(can.pause()).isTrue();
		assertThat(can.cancel()).isTrue();
	}

	@Test
	void aPausedSubscriptionCanResumeAndBeChangedButNotSkipped() {
		AvailableActions can = SubscriptionPolicy.available(ALL,
				new State(SubscriptionStatus.PAUSED, false, false, false, 3));
		assertThat(can.resume()).isTrue();
		assertThat(can.skip()).isFalse();
		assertThat(can.pause()).isFalse();
		assertThat(can.changeQuantity()).isTrue();
		assertThat(can.cancel()).isTrue();
	}

	@Test
	void aCancelledSubscriptionCanOnlyBeReactivated() {
		AvailableActions can = SubscriptionPolicy.available(ALL,
				new State(SubscriptionStatus.CANCELLED, false, false, false, 3));
		assertThat(can).isEqualTo(new AvailableActions(false, false, false, false, false, false, false, false, false,
				true));
	}

	@Test
	void aSwitchedOffActionIsNeverAvailable() {
		AvailableActions can = SubscriptionPolicy.available(ALL.withoutSkip(),
				new State(SubscriptionStatus.ACTIVE, true, false, true, 3));
		assertThat(can.skip()).isFalse();
		assertThat(can.unskip()).isFalse();
		assertThat(can.reschedule()).isTrue();
	}

	@Test
	void aPlanCanOnlyChangeWithinAFamilyOfMoreThanOne() {
		assertThat(SubscriptionPolicy.available(ALL, new State(SubscriptionStatus.ACTIVE, true, false, false, 1))
			.changePlan()).isFalse();
	}

}
