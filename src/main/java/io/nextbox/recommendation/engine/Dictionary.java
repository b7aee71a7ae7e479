package io.nextbox.recommendation.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Dense ids for string keys (SKUs, customers): the model works on ints. */
public final class Dictionary {

	private final Map<String, Integer> ids = new HashMap<>();

	private final List<String> keys = new ArrayList<>();

	public int id(String key) {
		Integer id = ids.get(key);
		if (id == null) {
			id = keys.size();
			ids.put(key, id);
			keys.add(key);
		}
		return id;
	}

	public Integer find(String key) {
		return ids.get(key);
	}

	public String key(int id) {
		return keys.get(id);
	}

	public int size() {
		return keys.size();
	}

}
