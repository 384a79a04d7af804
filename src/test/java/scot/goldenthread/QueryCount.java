package scot.goldenthread;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The SQL statements a piece of work sends, counted on the thread doing it, so a test can hold a request
 * to a number of queries that does not grow with the rows it reads. A test imports this configuration
 * ({@code @Import(QueryCount.Recording.class)}) and wraps the work in {@link #of}.
 */
public final class QueryCount {

	private static final String NAME = "query-count";

	private static final ThreadLocal<List<String>> SENT = new ThreadLocal<>();

	/** Every statement sent on any thread: a benchmark's server answers on threads of its own. */
	private static final AtomicLong ALL = new AtomicLong();

	private QueryCount() {
	}

	/** What the work answered and every statement it sent on this thread, in order. */
	public record Counted<T>(T answer, List<String> statements) {

		public long matching(String fragment) {
			return this.statements.stream().filter((sql) -> sql.contains(fragment)).count();
		}

	}

	/** How many statements have been sent on all threads so far. */
	public static long sentByAll() {
		return ALL.get();
	}

	public static <T> Counted<T> of(Callable<T> work) throws Exception {
		List<String> sent = new ArrayList<>();
		SENT.set(sent);
		try {
			return new Counted<>(work.call(), sent);
		}
		finally {
			SENT.remove();
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Recording {

		@Bean
		static BeanPostProcessor countingDataSource() {
			QueryExecutionListener listener = new QueryExecutionListener() {

				@Override
				public void beforeQuery(net.ttddyy.dsproxy.ExecutionInfo execution, List<net.ttddyy.dsproxy.QueryInfo> queries) {
				}

				@Override
				public void afterQuery(net.ttddyy.dsproxy.ExecutionInfo execution, List<net.ttddyy.dsproxy.QueryInfo> queries) {
					ALL.addAndGet(queries.size());
					List<String> sent = SENT.get();
					if (sent != null) {
						queries.forEach((query) -> sent.add(query.getQuery()));
					}
				}

			};
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					boolean counted = bean instanceof ProxyDataSource proxy && NAME.equals(proxy.getProxyConfig().getDataSourceName());
					return (bean instanceof DataSource dataSource && !counted)
							? ProxyDataSourceBuilder.create(dataSource).name(NAME).listener(listener).build() : bean;
				}

			};
		}

	}

}
