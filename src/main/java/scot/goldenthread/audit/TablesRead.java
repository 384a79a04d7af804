package scot.goldenthread.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tables a piece of work read, learnt from the statements it sent on its thread: what a kept answer depends
 * on, so that {@link TableVersions} can tell when it is stale.
 */
@Configuration(proxyBeanMethods = false)
public class TablesRead {

	private static final String NAME = "tables-read";

	private static final ThreadLocal<Set<String>> READ = new ThreadLocal<>();

	/** Every name a statement reads from; those that are not tables are dropped by {@link TableVersions}. */
	private static final Pattern SOURCE = Pattern.compile("\\b(?:from|join)\\s+(?:only\\s+)?(?:\\w+\\.)?([a-z_][a-z0-9_]*)",
			Pattern.CASE_INSENSITIVE);

	/** The tables read on this thread from {@link #start()} until closed; recordings may nest. */
	public static final class Recording implements AutoCloseable {

		private final Set<String> read = new HashSet<>();

		private final Set<String> outer = READ.get();

		private Recording() {
			READ.set(this.read);
		}

		public Set<String> tables() {
			return this.read;
		}

		@Override
		public void close() {
			READ.set(this.outer);
			if (this.outer != null) {
				this.outer.addAll(this.read);
			}
		}

	}

	public static Recording start() {
		return new Recording();
	}

	static void sent(String sql) {
		Set<String> read = READ.get();
		if (read != null) {
			Matcher source = SOURCE.matcher(sql);
			while (source.find()) {
				read.add(source.group(1).toLowerCase(Locale.ROOT));
			}
		}
	}

	@Bean
	static BeanPostProcessor recordingTablesRead() {
		QueryExecutionListener listener = new QueryExecutionListener() {

			@Override
			public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
				queries.forEach((query) -> sent(query.getQuery()));
			}

			@Override
			public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
			}

		};
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				boolean wrapped = bean instanceof ProxyDataSource proxy && NAME.equals(proxy.getProxyConfig().getDataSourceName());
				return (bean instanceof DataSource dataSource && !wrapped)
						? ProxyDataSourceBuilder.create(dataSource).name(NAME).listener(listener).build() : bean;
			}

		};
	}

}
