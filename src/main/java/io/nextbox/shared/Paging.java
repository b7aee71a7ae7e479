package io.nextbox.shared;

import java.util.function.Function;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * A page asked for by a visitor's {@code ?page=}: a negative page is the first, a page past the end is the last
 * one, and no page number, however large, makes an offset the database cannot take.
 */
public final class Paging {

	private Paging() {
	}

	public static <T> Page<T> pageOrLast(int page, int size, Sort sort, Function<Pageable, Page<T>> query) {
		int highest = Integer.MAX_VALUE / size - 1;
		Page<T> found = query.apply(PageRequest.of(Math.min(Math.max(0, page), highest), size, sort));
		if (found.getContent().isEmpty() && found.getNumber() > 0 && found.getTotalPages() > 0) {
			return query.apply(PageRequest.of(found.getTotalPages() - 1, size, sort));
		}
		return found;
	}

}
