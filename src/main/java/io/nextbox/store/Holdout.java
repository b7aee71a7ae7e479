package io.nextbox.store;

/**
 * The control group: a stable share of subscribers, chosen by a hash of their id, who see no recommendations, so
 * that lift can be measured honestly. The same subscriber is always in or out while the share stays the same.
 */
public final class Holdout {

	private Holdout() {
	}

	public static boolean isHeldOut(long subscriberId, int percent) {
		return bucket(subscriberId) < percent;
	}

	/** 0..99, spread evenly: a 64-bit mix (MurmurHash3's finaliser) of the id with a fixed salt. */
	static int bucket(long subscriberId) {
		long h = subscriberId ^ 0x6E657874626F78L;
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return (int) Math.floorMod(h, 100L);
	}

}
