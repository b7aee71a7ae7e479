package io.nextbox.ordering.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;

/**
 * A file above the upload limit ({@code spring.servlet.multipart.max-file-size}) is answered with the import
 * page and its "too large" message, with 413. The container refuses such a body the first time anything reads a
 * parameter, which is Spring Security's CSRF check, before any controller: so this filter, just before security,
 * reads the upload itself. When it is too large, the request goes on as a plain GET of the import page, without
 * its body (nothing is changed, so it needs no CSRF token; it still needs a merchant), marked {@link #TOO_LARGE}.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class UploadLimitFilter extends OncePerRequestFilter {

	/** The request attribute that marks an upload refused for its size. */
	static final String TOO_LARGE = "nextbox.import.tooLarge";

	static final String PATH = "/admin/import";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return !HttpMethod.POST.matches(request.getMethod()) || type == null
				|| !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
				|| !request.getRequestURI().substring(request.getContextPath().length()).startsWith(PATH);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			new StandardMultipartHttpServletRequest(request);
		}
		catch (MaxUploadSizeExceededException ex) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			HttpServletRequest page = new ImportPage(request);
			page.setAttribute(TOO_LARGE, Boolean.TRUE);
			chain.doFilter(page, response);
			return;
		}
		catch (MultipartException ex) {
			// not a size problem: the request goes on as it is, to be refused as before
		}
		chain.doFilter(request, response);
	}

	/** The refused upload as a GET of the import page, with no body and no parameters. */
	private static final class ImportPage extends HttpServletRequestWrapper {

		ImportPage(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return HttpMethod.GET.name();
		}

		@Override
		public String getContentType() {
			return null;
		}

		@Override
		public String getHeader(String name) {
			return "content-type".equalsIgnoreCase(name) || "content-length".equalsIgnoreCase(name) ? null
					: super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return "content-type".equalsIgnoreCase(name) || "content-length".equalsIgnoreCase(name)
					? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public int getContentLength() {
			return -1;
		}

		@Override
		public long getContentLengthLong() {
			return -1;
		}

		@Override
		public String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}

		@Override
		public Collection<Part> getParts() {
			return List.of();
		}

		@Override
		public Part getPart(String name) {
			return null;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			throw new IOException("The body of an upload above the limit is not read");
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new StringReader(""));
		}

	}

}
