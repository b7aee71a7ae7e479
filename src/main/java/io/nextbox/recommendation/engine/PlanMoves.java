package io.nextbox.recommendation.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who moved from which plan to which: a customer moves when an order's plan (its segment) differs from their order
 * before. Grows one order at a time, in order time; one writer at a time. Segment 0 (no plan) is never a plan.
 */
public final class PlanMoves {

	private final Map<Long, Integer> currentPlan = new HashMap<>();

	private final Map<Integer, Map<Integer, Integer>> moves = new HashMap<>();

	private final Map<Integer, Set<Long>> customersByPlan = new HashMap<>();

	private int total;

	/** Learns one order; returns the plan the customer moved from, or 0 when this order is no move. */
	public int add(long customer, int plan) {
		if (plan == 0) {
			return 0;
		}
		Integer before = currentPlan.put(customer, plan);
		customersByPlan.computeIfAbsent(plan, key -> new HashSet<>()).add(customer);
		if (before == null || before == plan) {
			return 0;
		}
		moves.computeIfAbsent(before, key -> new HashMap<>()).merge(plan, 1, Integer::sum);
		total++;
		return before;
	}

	/** The customer's plan as of their last order, 0 when none. */
	public int planOf(long customer) {
		return currentPlan.getOrDefault(customer, 0);
	}

	/** Of the customers who were ever on {@code from}, the share who moved straight on to {@code to}. */
	public double rate(int from, int to) {
		int movers = moves.getOrDefault(from, Map.of()).getOrDefault(to, 0);
		int onPlan = customersByPlan.getOrDefault(from, Set.of()).size();
		return onPlan == 0 ? 0 : (double) movers / onPlan;
	}

	/** How many moves from {@code from} to {@code to} were seen. */
	public int moves(int from, int to) {
		return moves.getOrDefault(from, Map.of()).getOrDefault(to, 0);
	}

	/** How many moves were seen, all plans together. */
	public int total() {
		return total;
	}

}
