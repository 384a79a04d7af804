package scot.goldenthread.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * The PostgreSQL streaming replicas named by {@code goldenthread.replica-url} (none, one or several), which the public's
 * reads go to ({@link PublicReads}) while everything else goes to the primary. The application's data source is
 * wrapped so that a thread that has chosen a replica gets its connections from it, and every other thread (a
 * signed-in person's request, a job, a write) from the primary.
 * <p>
 * A replica is used only while it is known to hold everything the primary had committed {@code max-lag} ago: each
 * measurement ({@link ReplicaLag}) reads the position the primary has written its log to (every commit so far is
 * before it), then whether the replica has replayed up to it; if so, the replica was caught up at the moment the
 * position was read. So a change on the primary is in what the public reads from any instance within {@code max-lag},
 * and past it reads fall back to the primary. A replica that cannot be reached is left until a measurement reaches it
 * again.
 * <p>
 * Wraps the data source before anything else does (it is {@link PriorityOrdered}), so that what records a request's
 * statements ({@code TablesRead}) sees those sent to a replica too.
 */
final class Replicas implements BeanPostProcessor, PriorityOrdered, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Replicas.class);

	/** The replica connection this thread's reads go to, held for a whole request so that all its reads see one server. */
	private static final ThreadLocal<SingleConnectionDataSource> HELD = new ThreadLocal<>();

	private final List<Replica> replicas;

	private final Duration maxLag;

	private final Clock clock;

	private final AtomicInteger next = new AtomicInteger();

	private volatile DataSource primary;

	Replicas(List<String> urls, String username, String password, Duration maxLag) {
		this.replicas = urls.stream().map((url) -> new Replica(url, username, password)).toList();
		this.maxLag = maxLag;
		this.clock = Clock.systemUTC();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String name) {
		if (this.replicas.isEmpty() || !"dataSource".equals(name) || !(bean instanceof DataSource dataSource)) {
			return bean;
		}
		this.primary = dataSource;
		log.info("Public reads go to {} while they are less than {} behind the primary", names(), this.maxLag);
		return new ReadRouting(dataSource);
	}

	@Override
	public void destroy() {
		this.replicas.forEach((replica) -> replica.pool.close());
	}

	Duration maxLag() {
		return this.maxLag;
	}

	/**
	 * Sends this thread's reads, until closed, to one connection to a replica caught up within the bound, taking turns;
	 * to the primary when none is, or none answers. The connection is checked as it is taken and held throughout, so a
	 * replica that has stopped costs a round trip, not an error (unless it stops in the middle of a request).
	 */
	Reading reading() {
		Connection connection = toAReplica();
		if (connection != null) {
			HELD.set(new SingleConnectionDataSource(connection, true));
		}
		return new Reading(connection);
	}

	/** Reads on a replica's connection, or on the primary where there is none; closing gives the connection back. */
	record Reading(Connection connection) implements AutoCloseable {

		@Override
		public void close() {
			if (this.connection != null) {
				HELD.remove();
				JdbcUtils.closeConnection(this.connection);
			}
		}

	}

	private Connection toAReplica() {
		Instant now = this.clock.instant();
		List<Replica> usable = this.replicas.stream().filter((replica) -> replica.usable(now, this.maxLag)).toList();
		int first = this.next.getAndIncrement();
		for (int i = 0; i < usable.size(); i++) {
			Replica replica = usable.get(Math.floorMod(first + i, usable.size()));
			Connection connection = replica.connection();
			if (connection != null) {
				return connection;
			}
		}
		return null;
	}

	/** The data source on the primary whatever this thread reads: for what must find what it has just written. */
	static DataSource onPrimary(DataSource routed) {
		return new DelegatingDataSource(routed) {

			@Override
			public Connection getConnection() throws SQLException {
				SingleConnectionDataSource held = HELD.get();
				HELD.remove();
				try {
					return super.getConnection();
				}
				finally {
					if (held != null) {
						HELD.set(held);
					}
				}
			}

		};
	}

	/** Measures how far behind the primary each replica is. */
	void measure() {
		if (this.primary == null) {
			return;
		}
		Instant asked = this.clock.instant();
		String position;
		try (Connection connection = this.primary.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select pg_current_wal_insert_lsn()::text")) {
			rs.next();
			position = rs.getString(1);
		}
		catch (SQLException ex) {
			// the primary's own health tells of this; the replicas cannot be measured meanwhile
			return;
		}
		this.replicas.forEach((replica) -> replica.measure(position, asked));
	}

	/** Each replica's lag now, by name: how long since it was last known to hold all the primary had, or null if never. */
	Map<String, Duration> lags() {
		Instant now = this.clock.instant();
		Map<String, Duration> lags = new LinkedHashMap<>();
		this.replicas.forEach((replica) -> lags.put(replica.name(), replica.lag(now)));
		return lags;
	}

	private String names() {
		return this.replicas.stream().map(Replica::name).collect(Collectors.joining(", "));
	}

	/** One replica: its connections, and when it was last known caught up. */
	static final class Replica {

		private final HikariDataSource pool;

		private final String name;

		private volatile Instant caughtUpAt;

		private volatile boolean unreachable;

		Replica(String url, String username, String password) {
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl(url);
			config.setUsername(username);
			config.setPassword(password);
			config.setReadOnly(true);
			// a public request holds one connection throughout, so as many as the requests served at once, or the primary takes the rest
			config.setMaximumPoolSize(20);
			config.setPoolName("replica " + url);
			// a replica that is down is given up on quickly, for the primary; and it need not be up when the application starts
			config.setConnectionTimeout(1000);
			config.setValidationTimeout(500);
			config.setInitializationFailTimeout(-1);
			this.pool = new HikariDataSource(config);
			this.name = url.replaceFirst("^jdbc:postgresql://", "").replaceFirst("\\?.*$", "");
		}

		String name() {
			return this.name;
		}

		boolean usable(Instant now, Duration maxLag) {
			Instant at = this.caughtUpAt;
			return !this.unreachable && at != null && Duration.between(at, now).compareTo(maxLag) <= 0;
		}

		Duration lag(Instant now) {
			return (this.unreachable || this.caughtUpAt == null) ? null : Duration.between(this.caughtUpAt, now);
		}

		void measure(String primaryPosition, Instant asked) {
			try (Connection connection = this.pool.getConnection();
					PreparedStatement replayed = connection.prepareStatement("select pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
				replayed.setString(1, primaryPosition);
				try (ResultSet rs = replayed.executeQuery()) {
					rs.next();
					if (rs.getObject(1) == null) {
						unreachable("it is not a replica: it replays nothing");
					}
					else {
						if (rs.getBoolean(1)) {
							this.caughtUpAt = asked;
						}
						if (this.unreachable) {
							log.info("The replica {} answers again", this.name);
							this.unreachable = false;
						}
					}
				}
			}
			catch (SQLException ex) {
				unreachable(ex.getMessage());
			}
		}

		/** A connection that answers, or null. */
		Connection connection() {
			try {
				Connection connection = this.pool.getConnection();
				if (connection.isValid(1)) {
					return connection;
				}
				this.pool.evictConnection(connection);
				unreachable("its connection was lost");
			}
			catch (SQLTransientConnectionException busy) {
				// all in use: the primary takes this request; the replica is left only when no connection could be made
				if (busy.getCause() != null) {
					unreachable(busy.getCause().getMessage());
				}
			}
			catch (SQLException ex) {
				unreachable(ex.getMessage());
			}
			return null;
		}

		void unreachable(String why) {
			if (!this.unreachable) {
				log.warn("Public reads leave the replica {} for the primary: {}", this.name, why);
				this.unreachable = true;
			}
		}

	}

	/** The application's data source: this thread's chosen replica, or the primary. */
	private static final class ReadRouting extends DelegatingDataSource {

		ReadRouting(DataSource primary) {
			super(primary);
		}

		@Override
		public Connection getConnection() throws SQLException {
			SingleConnectionDataSource held = HELD.get();
			return (held != null) ? held.getConnection() : super.getConnection();
		}

	}

}
