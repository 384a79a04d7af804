package scot.goldenthread.database;

import java.time.Instant;
import java.util.List;

/**
 * What a backup holds, written last into its zip so that a download cut short has none and is refused:
 * the schema version its tables are in, and each table's columns and row count, checked on restore.
 */
record Backup(int format, String schemaVersion, Instant takenAt, String takenBy, List<Table> tables) {

	static final int FORMAT = 1;

	static final String MANIFEST = "manifest.json";

	record Table(String name, List<String> columns, long rows) {

		String entry() {
			return "tables/" + this.name + ".csv";
		}

		/** A partitioned table is copied out through a query: PostgreSQL copies only a plain table by its name. */
		String copyOut() {
			return "copy (select " + columnList() + " from " + quoted(this.name) + ") to stdout with (format csv, header true)";
		}

		String copyIn() {
			return "copy " + quoted(this.name) + " (" + columnList() + ") from stdin with (format csv, header true)";
		}

		private String columnList() {
			return String.join(", ", this.columns.stream().map(Backup::quoted).toList());
		}

	}

	long rows() {
		return this.tables.stream().mapToLong(Table::rows).sum();
	}

	static String quoted(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

}
