package io.nextbox.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Control characters never reach a controller or the database. A form field or query parameter loses its C0
 * control characters (NUL and the like, which PostgreSQL cannot store in text and H2 stores silently; tab, CR and
 * LF stay, for multi-line text); what is left is validated as usual, so a field that was only control characters
 * is an empty field with its message. A path with a control character names nothing: 400. The same on every
 * database, for every form, search and path.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ControlCharacterFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isCleanPath(request.getRequestURI())) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		chain.doFilter(new Cleaned(request), response);
	}

	private static boolean isCleanPath(String uri) {
		try {
			return !hasControlCharacter(UriUtils.decode(uri, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException malformed) {
			return false;
		}
	}

	static boolean isControl(char c) {
		return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
	}

	static boolean hasControlCharacter(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (isControl(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	static String clean(String value) {
		if (value == null || !hasControlCharacter(value)) {
			return value;
		}
		StringBuilder cleaned = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (!isControl(c)) {
				cleaned.append(c);
			}
		}
		return cleaned.toString();
	}

	private static String[] clean(String[] values) {
		if (values == null) {
			return null;
		}
		String[] cleaned = new String[values.length];
		for (int i = 0; i < values.length; i++) {
			cleaned[i] = clean(values[i]);
		}
		return cleaned;
	}

	/** The request with every parameter value cleaned, read lazily so the character encoding still applies. */
	private static final class Cleaned extends HttpServletRequestWrapper {

		private Map<String, String[]> parameters;

		Cleaned(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getParameter(String name) {
			String[] values = getParameterMap().get(name);
			return values == null || values.length == 0 ? null : values[0];
		}

		@Override
		public String[] getParameterValues(String name) {
			String[] values = getParameterMap().get(name);
			return values == null ? null : values.clone();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(getParameterMap().keySet());
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			Map<String, String[]> original = super.getParameterMap();
			if (parameters == null || parameters.size() != original.size()) {
				Map<String, String[]> cleaned = new LinkedHashMap<>();
				original.forEach((name, values) -> cleaned.put(name, clean(values)));
				parameters = Collections.unmodifiableMap(cleaned);
			}
			return parameters;
		}

	}

}
