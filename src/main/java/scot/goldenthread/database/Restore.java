package scot.goldenthread.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Started with {@code goldenthread.restore-from} naming a backup, the application fills an empty
 * database from it before anything else reads the database: the schema is built up to the backup's
 * version, every table is loaded in one transaction (all or nothing, each table's rows counted
 * against the backup's manifest) and then the newer migrations run on the restored data.
 */
@Configuration(proxyBeanMethods = false)
class Restore {

	private static final Logger log = LoggerFactory.getLogger(Restore.class);

	@Bean
	FlywayMigrationStrategy migrateOrRestore(@Value("${goldenthread.restore-from:}") String from, ObjectMapper json) {
		return (flyway) -> {
			if (!from.isBlank()) {
				restore(flyway, Path.of(from), json);
			}
			flyway.migrate();
		};
	}

	static void restore(Flyway flyway, Path file, ObjectMapper json) {
		if (!Files.isRegularFile(file)) {
			throw new RestoreRefused("There is no backup file at " + file.toAbsolutePath() + " to restore from.");
		}
		if (flyway.info().applied().length > 0) {
			throw new RestoreRefused("The database already holds data, so the backup " + file
					+ " was not restored: a backup is restored into a new data directory or an empty database. "
					+ "Start without goldenthread.restore-from to use the data there.");
		}
		try (ZipFile zip = new ZipFile(file.toFile())) {
			Backup backup = manifest(zip, file, json);
			MigrationVersion version = MigrationVersion.fromVersion(backup.schemaVersion());
			MigrationInfo[] known = flyway.info().all();
			if (known.length == 0 || version.isNewerThan(known[known.length - 1].getVersion().getVersion())) {
				throw new RestoreRefused("The backup " + file + " was taken by a newer version of Golden Thread (schema "
						+ backup.schemaVersion() + "); this one cannot read it. Restore it with that version or a later one.");
			}
			for (Backup.Table table : backup.tables()) {
				if (zip.getEntry(table.entry()) == null) {
					throw new RestoreRefused("The backup " + file + " has no " + table.entry() + ": it is damaged.");
				}
			}
			Flyway.configure().configuration(flyway.getConfiguration()).target(version).load().migrate();
			try {
				load(flyway.getConfiguration().getDataSource(), zip, backup);
			}
			catch (RuntimeException | SQLException | IOException ex) {
				// the database was empty before: leave it so, and a whole backup can be restored into it
				Flyway.configure().configuration(flyway.getConfiguration()).cleanDisabled(false).load().clean();
				throw ex;
			}
			log.info("Restored {} rows in {} tables from the backup {} taken at {} by {}", backup.rows(), backup.tables().size(),
					file, backup.takenAt(), backup.takenBy());
		}
		catch (ZipException ex) {
			throw new RestoreRefused("The file " + file + " is not a whole zip file, so not a whole backup (a download cut short is not): "
					+ ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new RestoreRefused("The backup " + file + " could not be read: " + ex.getMessage(), ex);
		}
		catch (SQLException ex) {
			throw new RestoreRefused("The backup " + file + " could not be restored, and nothing of it was kept: "
					+ ex.getMessage(), ex);
		}
	}

	private static Backup manifest(ZipFile zip, Path file, ObjectMapper json) throws IOException {
		ZipEntry manifest = zip.getEntry(Backup.MANIFEST);
		if (manifest == null) {
			throw new RestoreRefused("The file " + file + " is not a whole Golden Thread backup: it has no "
					+ Backup.MANIFEST + " (a download cut short has none).");
		}
		try (InputStream in = zip.getInputStream(manifest)) {
			Backup backup = json.readValue(in, Backup.class);
			if (backup.format() != Backup.FORMAT) {
				throw new RestoreRefused("The backup " + file + " is in format " + backup.format() + "; this version reads format "
						+ Backup.FORMAT + ".");
			}
			return backup;
		}
		catch (JacksonException ex) {
			throw new RestoreRefused("The backup " + file + " has a " + Backup.MANIFEST + " that cannot be read: " + ex.getOriginalMessage(),
					ex);
		}
	}

	private static void load(DataSource dataSource, ZipFile zip, Backup backup) throws SQLException, IOException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				Map<String, Backup.Table> tables = new LinkedHashMap<>();
				backup.tables().forEach((table) -> tables.put(table.name(), table));
				if (!tables.keySet().equals(Backups.tables(connection).keySet())) {
					throw new RestoreRefused("The backup's tables " + tables.keySet() + " are not those of schema version "
							+ backup.schemaVersion() + " " + Backups.tables(connection).keySet() + ": the backup is damaged.");
				}
				JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
				// the rows the migrations put in (places, national outcomes) are in the backup as they were then
				jdbc.sql("truncate table " + String.join(", ", tables.keySet().stream().map(Backup::quoted).toList())).update();
				CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
				for (String name : referencedFirst(jdbc, tables.keySet())) {
					Backup.Table table = tables.get(name);
					try (InputStream rows = zip.getInputStream(zip.getEntry(table.entry()))) {
						long loaded = copy.copyIn(table.copyIn(), rows);
						if (loaded != table.rows()) {
							throw new RestoreRefused("The backup's " + table.entry() + " has " + loaded + " rows where its manifest says "
									+ table.rows() + ": it is damaged.");
						}
					}
				}
				// the next id each table hands out follows on from the restored ones
				jdbc.sql("""
						select table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name)
						from information_schema.columns
						where table_schema = current_schema() and pg_get_serial_sequence(quote_ident(table_name), column_name) is not null""")
					.query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
					.list()
					.forEach((serial) -> jdbc.sql("select setval(?, coalesce((select max(" + Backup.quoted(serial.get(1)) + ") from "
							+ Backup.quoted(serial.get(0)) + "), 0) + 1, false)").param(serial.get(2)).query(Long.class).single());
				jdbc.sql("""
						insert into audit_event (actor, action, entity_type, entity_id, summary)
						values ('system', 'create', 'backup', ?, ?)""")
					.params(backup.takenAt().toString(), "Restored the backup taken at " + backup.takenAt() + " by " + backup.takenBy()
							+ ": " + backup.rows() + " rows in " + backup.tables().size() + " tables")
					.update();
				connection.commit();
			}
			catch (RuntimeException | SQLException | IOException ex) {
				connection.rollback();
				throw ex;
			}
		}
	}

	/**
	 * The tables in an order where each comes after those its foreign keys refer to; a partition's copies of its
	 * table's keys, and a key's copies for each partition it refers to, are the table's key.
	 */
	static List<String> referencedFirst(JdbcClient jdbc, Set<String> tables) {
		Map<String, Set<String>> references = new HashMap<>();
		tables.forEach((table) -> references.put(table, new HashSet<>()));
		jdbc.sql("""
				select c.relname, p.relname from pg_constraint k
				join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
				where k.contype = 'f' and k.conrelid <> k.confrelid and c.relnamespace = current_schema()::regnamespace
				and k.conparentid = 0""")
			.query((rs) -> {
				if (references.containsKey(rs.getString(1))) {
					references.get(rs.getString(1)).add(rs.getString(2));
				}
			});
		List<String> ordered = new ArrayList<>();
		while (ordered.size() < tables.size()) {
			List<String> ready = references.entrySet()
				.stream()
				.filter((table) -> !ordered.contains(table.getKey()) && ordered.containsAll(table.getValue()))
				.map(Map.Entry::getKey)
				.sorted()
				.toList();
			if (ready.isEmpty()) {
				throw new RestoreRefused("The tables' foreign keys go round in a circle, so no order loads them.");
			}
			ordered.addAll(ready);
		}
		return ordered;
	}

}
