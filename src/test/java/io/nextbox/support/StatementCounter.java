package io.nextbox.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * For benchmarks: counts the SQL statements the current thread runs while {@link #counting} a piece of work, by
 * wrapping the data source's connections. Not for tests that share the common context (it is a context of its own).
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

	private static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();

	/** While {@link #timing}: per SQL text, how many times it ran and the nanoseconds spent in its execution. */
	private static final ThreadLocal<java.util.Map<String, long[]>> TIMES = new ThreadLocal<>();

	/** Runs the work, and answers the time spent executing each statement it ran on this thread (ns, count). */
	public static java.util.Map<String, long[]> timing(Runnable work) {
		java.util.Map<String, long[]> times = new java.util.LinkedHashMap<>();
		TIMES.set(times);
		try {
			work.run();
			return times;
		}
		finally {
			TIMES.remove();
		}
	}

	/** The work's result and the statements it ran on this thread. */
	public record Counted<T>(T result, int statements) {
	}

	public static <T> Counted<T> counting(Supplier<T> work) {
		int[] count = new int[1];
		COUNT.set(count);
		try {
			return new Counted<>(work.get(), count[0]);
		}
		finally {
			COUNT.remove();
		}
	}

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof DataSource dataSource ? wrap(dataSource, DataSource.class) : bean;
			}
		};
	}

	private static <T> T wrap(T target, Class<T> type) {
		return wrap(target, type, null);
	}

	@SuppressWarnings("unchecked")
	private static <T> T wrap(T target, Class<T> type, String sql) {
		InvocationHandler handler = (proxy, method, arguments) -> {
			if (method.getName().equals("unwrap") && arguments[0] instanceof Class<?> wanted
					&& wanted.isInstance(target)) {
				return target;
			}
			long started = System.nanoTime();
			Object result = invoke(method, target, arguments);
			if (method.getName().startsWith("execute")) {
				int[] count = COUNT.get();
				if (count != null) {
					count[0]++;
				}
				java.util.Map<String, long[]> times = TIMES.get();
				if (times != null) {
					String text = sql != null ? sql
							: arguments != null && arguments.length > 0 && arguments[0] instanceof String given ? given
									: "?";
					long[] time = times.computeIfAbsent(text, k -> new long[2]);
					time[0] += System.nanoTime() - started;
					time[1]++;
				}
			}
			if (result instanceof Connection connection && method.getReturnType() == Connection.class) {
				return wrap(connection, Connection.class);
			}
			if (result instanceof Statement statement && Statement.class.isAssignableFrom(method.getReturnType())) {
				String text = arguments != null && arguments.length > 0 && arguments[0] instanceof String given ? given
						: null;
				return wrap(statement, (Class<Statement>) method.getReturnType(), text);
			}
			return result;
		};
		return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
		try {
			return method.invoke(target, arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
