package io.nextbox.recommendation.engine;

import java.util.Arrays;
import java.util.Map;

/**
 * The plans a history's segments stand for: each plan's family, tier and the items it includes. A history without
 * one ({@link #NONE}) still has plan changes when its baskets carry segments, but no families, tiers or contents.
 */
public record PlanCatalogue(Map<Integer, Plan> plans) {

	public static final PlanCatalogue NONE = new PlanCatalogue(Map.of());

	/** A plan: its segment, family, tier (1 the smallest) and the items every box on it holds. */
	public record Plan(int segment, int family, int tier, int[] items) {
	}

	public PlanCatalogue {
		plans = Map.copyOf(plans);
	}

	public Plan plan(int segment) {
		return plans.get(segment);
	}

	/** The items {@code to} includes beyond {@code from}: what an upgrade adds to every box. */
	public int[] extras(int from, int to) {
		Plan target = plans.get(to);
		if (target == null) {
			return new int[0];
		}
		Plan current = plans.get(from);
		int[] have = current == null ? new int[0] : current.items();
		return Arrays.stream(target.items()).filter(item -> Arrays.stream(have).noneMatch(held -> held == item))
			.toArray();
	}

	/** Whether {@code to} is a plan a customer on {@code from} may move to: another plan of the same family. */
	public boolean alternative(int from, int to) {
		if (from == to || to == 0) {
			return false;
		}
		Plan current = plans.get(from);
		Plan target = plans.get(to);
		return current == null || target == null || current.family() == target.family();
	}

}
