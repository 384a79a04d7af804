package scot.goldenthread.database;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import scot.goldenthread.audit.AuditLog;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Service;

/**
 * A backup of everything the application keeps, taken while it runs: every table as CSV, read by
 * PostgreSQL's COPY in one repeatable-read transaction, so the copy is of one moment however long it
 * takes and however many people change things meanwhile. The application keeps no files of its own:
 * an uploaded file is read into the database, so the database is everything.
 */
@Service
class Backups {

	private final DataSource dataSource;

	private final AuditLog audit;

	private final ObjectMapper json;

	private final Clock clock;

	Backups(DataSource dataSource, AuditLog audit, ObjectMapper json, Clock clock) {
		this.dataSource = dataSource;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/** Writes the backup, a zip, to {@code out}, and records in the audit trail (and so in the backup) who took it. */
	public void write(OutputStream out) throws IOException, SQLException {
		Instant takenAt = this.clock.instant();
		String takenBy = this.audit.actor();
		this.audit.created("backup", takenAt, "Took a backup of the whole database", null);
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			try {
				ZipOutputStream zip = new ZipOutputStream(out);
				CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
				List<Backup.Table> tables = new ArrayList<>();
				for (Map.Entry<String, List<String>> table : tables(connection).entrySet()) {
					Backup.Table unwritten = new Backup.Table(table.getKey(), table.getValue(), 0);
					zip.putNextEntry(new ZipEntry(unwritten.entry()));
					long rows = copy.copyOut(unwritten.copyOut(), new KeptOpen(zip));
					zip.closeEntry();
					tables.add(new Backup.Table(table.getKey(), table.getValue(), rows));
				}
				zip.putNextEntry(new ZipEntry(Backup.MANIFEST));
				zip.write(this.json.writeValueAsBytes(
						new Backup(Backup.FORMAT, schemaVersion(connection), takenAt, takenBy, tables)));
				zip.closeEntry();
				zip.finish();
			}
			finally {
				connection.rollback();
			}
		}
	}

	/**
	 * The application's tables and their columns, as the snapshot sees them. Flyway's own history is not data, nor
	 * when each table and measure last changed, which a restore notes afresh as it loads them, nor who is signed in
	 * and which job holds a lock.
	 */
	static Map<String, List<String>> tables(Connection connection) {
		Map<String, List<String>> tables = new LinkedHashMap<>();
		JdbcClient.create(new SingleConnectionDataSource(connection, true))
			.sql("""
					select c.table_name, c.column_name from information_schema.columns c
					join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
					join pg_class r on r.oid = quote_ident(c.table_name)::regclass and not r.relispartition
					where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
					and c.table_name not in ('flyway_schema_history', 'table_version', 'measure_version',
						'spring_session', 'spring_session_attributes', 'shedlock') and c.is_generated = 'NEVER'
					order by c.table_name, c.ordinal_position""")
			.query((rs) -> {
				tables.computeIfAbsent(rs.getString(1), (name) -> new ArrayList<>()).add(rs.getString(2));
			});
		return tables;
	}

	static String schemaVersion(Connection connection) {
		return JdbcClient.create(new SingleConnectionDataSource(connection, true))
			.sql("select version from flyway_schema_history where success and version is not null order by installed_rank desc limit 1")
			.query(String.class)
			.single();
	}

	/** COPY writes each table into the zip's current entry; the zip itself stays open for the next. */
	private static final class KeptOpen extends FilterOutputStream {

		KeptOpen(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.out.write(bytes, offset, length);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
