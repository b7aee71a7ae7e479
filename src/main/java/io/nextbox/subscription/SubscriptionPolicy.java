package io.nextbox.subscription;

import io.nextbox.store.StoreSettings;

/**
 * Which self-service actions a subscription allows right now: the merchant's switch for the action, then its
 * state. Pure, so the page and the actions agree and a unit test reaches every rule.
 */
final class SubscriptionPolicy {

	/** What the policy needs to know about one subscription. */
	record State(SubscriptionStatus status, boolean hasOpenShipment, boolean openShipmentLocked,
			boolean hasRestorableSkip, int plansInFamily) {

		boolean live() {
			return status != SubscriptionStatus.CANCELLED;
		}

		/** The next box can still change: there is one, and it is before its cutoff. */
		boolean nextBoxOpen() {
			return hasOpenShipment && !openShipmentLocked;
		}

		/** Changes that apply to the next box wait while it is locked. */
		boolean nextBoxNotLocked() {
			return !(status == SubscriptionStatus.ACTIVE && openShipmentLocked);
		}

	}

	private SubscriptionPolicy() {
	}

	static SubscriptionDetails.AvailableActions available(StoreSettings.PortalActions on, State state) {
		boolean active = state.status() == SubscriptionStatus.ACTIVE;
		boolean paused = state.status() == SubscriptionStatus.PAUSED;
		return new SubscriptionDetails.AvailableActions(
				on.skip() && active && state.nextBoxOpen(),
				on.skip() && active && state.hasRestorableSkip() && state.nextBoxOpen(),
				on.reschedule() && active && state.nextBoxOpen(),
				on.pause() && active,
				on.pause() && paused,
				on.changeInterval() && state.live(),
				on.changeQuantity() && state.live() && state.nextBoxNotLocked(),
				on.changePlan() && state.live() && state.nextBoxNotLocked() && state.plansInFamily() > 1,
				on.cancel() && state.live(),
				on.reactivate() && state.status() == SubscriptionStatus.CANCELLED);
	}

}
