package io.nextbox.platform;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the SQL statements each HTTP request runs, sessions' included, when {@code nextbox.sql-count=true} (the
 * tests switch it on; off by default, it costs nothing then). The data source hands out connections whose
 * statements count each execution on the request's thread; a filter outside every other, the session's included,
 * keeps the statements of the last request to each path and query.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "nextbox.sql-count", havingValue = "true")
public class SqlStatementCount {

	private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();

	private final Map<String, List<String>> lastByRequest = new ConcurrentHashMap<>();

	/**
	 * The statements the last request to this path and query ran, waiting a moment for it to finish (its answer
	 * may reach the client just before the server is done with it).
	 */
	public List<String> statementsOf(String pathAndQuery) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		List<String> statements;
		while ((statements = lastByRequest.get(pathAndQuery)) == null && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		if (statements == null) {
			throw new IllegalStateException("No request to " + pathAndQuery + " was counted");
		}
		return statements;
	}

	/** The statements {@code work} runs on this thread (for what no request runs, e.g. a service method). */
	public List<String> statementsOf(Runnable work) {
		List<String> statements = new ArrayList<>();
		List<String> outer = CURRENT.get();
		CURRENT.set(statements);
		try {
			work.run();
		}
		finally {
			CURRENT.set(outer);
		}
		return List.copyOf(statements);
	}

	/** Forgets the last count of this path and query, before a request whose count is wanted. */
	public void forget(String pathAndQuery) {
		lastByRequest.remove(pathAndQuery);
	}

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)
						? new CountingDataSource(dataSource) : bean;
			}

		};
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> sqlCountFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						List<String> statements = new ArrayList<>();
						CURRENT.set(statements);
						try {
							chain.doFilter(request, response);
						}
						finally {
							CURRENT.remove();
							String query = request.getQueryString();
							lastByRequest.put(request.getRequestURI() + (query == null ? "" : "?" + query),
									List.copyOf(statements));
						}
					}

				});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	private static void counted(String sql) {
		List<String> statements = CURRENT.get();
		if (statements != null) {
			statements.add(sql);
		}
	}

	static final class CountingDataSource extends DelegatingDataSource {

		CountingDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counting(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counting(super.getConnection(username, password));
		}

		private static Connection counting(Connection connection) {
			return (Connection) Proxy.newProxyInstance(SqlStatementCount.class.getClassLoader(),
					new Class<?>[] { Connection.class }, new ConnectionHandler(connection));
		}

	}

	private record ConnectionHandler(Connection target) implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			Object result = call(target, method, args);
			if (result instanceof Statement statement) {
				String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
				Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
						: statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
				return Proxy.newProxyInstance(SqlStatementCount.class.getClassLoader(), new Class<?>[] { type },
						new StatementHandler(statement, sql));
			}
			return result;
		}

	}

	private record StatementHandler(Statement target, String sql) implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			if (method.getName().startsWith("execute")) {
				counted(sql != null ? sql : args != null && args.length > 0 ? String.valueOf(args[0]) : "?");
			}
			return call(target, method, args);
		}

	}

	private static Object call(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
