package scot.goldenthread.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * When each table last changed, as PostgreSQL notes it for every statement that writes one (V25), so that what is
 * kept of an answer is stale only when a table it read has changed.
 */
@Service
public class TableVersions {

	private final JdbcClient jdbc;

	TableVersions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Version(long version, Instant at) {
	}

	/** Every table's version at one moment. */
	public static final class Versions {

		private final Map<String, Version> byTable;

		private Versions(Map<String, Version> byTable) {
			this.byTable = byTable;
		}

		/** The tables of these names that have versions; anything else a statement named (a function, an alias) is not one. */
		private Collection<String> known(Collection<String> tables) {
			return (tables == null) ? this.byTable.keySet() : tables.stream().filter(this.byTable::containsKey).toList();
		}

		/**
		 * A short tag for these tables as they stand (all tables for null): it changes whenever any of them changes, and
		 * with the set of tables itself.
		 */
		public String tag(Collection<String> tables) {
			StringBuilder text = new StringBuilder();
			for (String table : new TreeSet<>(known(tables))) {
				text.append(table).append('=').append(this.byTable.get(table).version()).append(';');
			}
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
				return HexFormat.of().formatHex(digest, 0, 12);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("Every Java has SHA-256", ex);
			}
		}

		/** When the last of these tables changed (all tables for null). */
		public Instant changedAt(Collection<String> tables) {
			return known(tables).stream().map((t) -> this.byTable.get(t).at()).max(Instant::compareTo).orElse(Instant.EPOCH);
		}

	}

	public Versions now() {
		Map<String, Version> byTable = new HashMap<>();
		this.jdbc.sql("select table_name, version, changed_at from table_version")
			.query((java.sql.ResultSet rs) -> {
				byTable.put(rs.getString(1), new Version(rs.getLong(2), rs.getTimestamp(3).toInstant()));
			});
		return new Versions(byTable);
	}

}
