package io.nextbox.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * Rewrites only the links to WebJars ({@code /webjars/htmx.org/dist/htmx.min.js} to its versioned path), in place of
 * Spring Boot's {@link ResourceUrlEncodingFilter}, which backs off for this one. Boot's filter looks every link of a
 * page up as a static resource (the static path pattern is {@code /**}), and a link to a page is looked for, and not
 * found, in every static location of the jar on every render: most of a portal page's CPU time under load.
 */
class WebJarLinks extends ResourceUrlEncodingFilter {

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)) {
			chain.doFilter(request, response);
			return;
		}
		String webJars = http.getContextPath() + "/webjars/";
		chain.doFilter(request, new HttpServletResponseWrapper(answer) {

			@Override
			public String encodeURL(String url) {
				if (url.startsWith(webJars)
						&& http.getAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR)
								instanceof ResourceUrlProvider urls) {
					String versioned = urls.getForRequestUrl(http, url);
					if (versioned != null) {
						return super.encodeURL(versioned);
					}
				}
				return super.encodeURL(url);
			}

		});
	}

}
