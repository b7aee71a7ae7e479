package io.nextbox.platform;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Error answers that never reach a page still carry the pages' security headers: Tomcat's own 400 for a URL it
 * cannot parse (its error report valve, replaced here by one that adds them, and tells nothing of the server), and
 * the 400 for a request Spring Security's firewall refuses (a path with {@code ..} or {@code ;}).
 */
@Configuration(proxyBeanMethods = false)
class ErrorPageHeaders {

	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return new RequestRejectedHandler() {

			@Override
			public void handle(HttpServletRequest request, HttpServletResponse response,
					RequestRejectedException rejected) throws IOException {
				SecurityHeaders.apply(response, request.isSecure());
				response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			}

		};
	}

	/** Runs after Boot's own customizer, which adds a plain error report valve to the host. */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> headedErrorReports() {
		return new OrderedCustomizer();
	}

	private static final class OrderedCustomizer
			implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers(context -> {
				StandardHost host = (StandardHost) context.getParent();
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve.getClass() == ErrorReportValve.class) {
						host.getPipeline().removeValve(valve);
					}
				}
				// the host makes its error report valve from this name when it starts; Tomcat also answers with it the
				// requests it refuses before they reach the host's pipeline
				host.setErrorReportValveClass(HeadedErrorReportValve.class.getName());
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

	public static final class HeadedErrorReportValve extends ErrorReportValve {

		public HeadedErrorReportValve() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			SecurityHeaders.apply(response, request.isSecure());
			super.report(request, response, throwable);
		}

	}

}
