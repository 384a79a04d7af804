package scot.goldenthread.measures;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import javax.sql.DataSource;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.measures.ObservationRows.Header;
import scot.goldenthread.shared.Coded;
import scot.goldenthread.shared.TextFiles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads observations from a tidy CSV file or Excel sheet, streaming: each row is checked as it is read and the good
 * ones are copied into a staging table with PostgreSQL's COPY, so a file of a million rows never sits
 * in memory. By default a file with any bad row changes nothing; the user may choose to load the good
 * rows. Loading the same file again changes nothing; a changed value becomes a revision that keeps
 * the old one.
 */
@Service
public class ObservationImporter {

	/** Errors listed in full; beyond this many only the count is kept. */
	static final int MAX_LISTED_ERRORS = 1000;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final MeasureCatalogue measures;

	private final Geographies geographies;

	private final AuditLog audit;

	ObservationImporter(JdbcClient jdbc, DataSource dataSource, MeasureCatalogue measures, Geographies geographies, AuditLog audit) {
		this.geographies = geographies;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.measures = measures;
		this.audit = audit;
	}

	public enum Mode implements Coded {

		/** Any bad row and nothing changes. */
		ALL_OR_NOTHING,
		/** Load the good rows and report the bad ones. */
		ACCEPT_VALID;

		public static Optional<Mode> of(String code) {
			return Coded.of(Mode.class, code);
		}

	}

	public record RowProblem(long line, String column, String reason) {
	}

	/** What an import did, or would have done; {@code encoding}: how the file's text was read. */
	public record Report(String file, String encoding, long read, long inserted, long revised, long unchanged, long rejected,
			long skipped, long toConfirm, List<RowProblem> errors, long errorCount) {

		/** The counts alone, for the audit trail. */
		Report withoutErrors() {
			return new Report(this.file, this.encoding, this.read, this.inserted, this.revised, this.unchanged, this.rejected,
					this.skipped, this.toConfirm, List.of(), this.errorCount);
		}

	}

	/**
	 * Imports a CSV file. With a statistics.gov.scot file {@code measureCode} names the measure it
	 * holds and {@code measurement}, where the file has several, the rows to take. Throws
	 * {@link ObservationImportException} and changes nothing when the file cannot be loaded as asked.
	 */
	@Transactional
	public Report importCsv(Reader csv, String file, String measureCode, String measurement, Mode mode) {
		return importCsv(csv, file, null, ALL, known(measureCode, measurement), mode);
	}

	/** A CSV file read through a mapping of its columns, as the demo loads published files as they came. */
	@Transactional
	public Report importCsv(Reader csv, String file, ColumnMapping mapping, Mode mode) {
		return importCsv(csv, file, null, ALL, (columns) -> mapping, mode);
	}

	/**
	 * The mapping of a file in one of the layouts known without being told: statistics.gov.scot's (its
	 * {@code measureCode} naming the measure it holds and {@code measurement}, where it has several, the rows to
	 * take) or this service's own.
	 */
	static Function<List<String>, ColumnMapping> known(String measureCode, String measurement) {
		String measure = (measureCode != null && !measureCode.isBlank()) ? measureCode : null;
		return (columns) -> columns.contains("FeatureCode") ? ColumnMapping.statisticsGovScot(measure, measurement)
				: ColumnMapping.goldenThread(measure);
	}

	/** Every measure may be changed: for the demo's loader and for an approved update, already allowed. */
	private static final Predicate<Measure> ALL = (measure) -> true;

	private Report importCsv(Reader csv, String file, String encoding, Predicate<Measure> allowed,
			Function<List<String>, ColumnMapping> mapping, Mode mode) {
		return load(file, encoding, allowed, mapping, mode, (rows) -> csvRows(csv, file, encoding, rows));
	}

	/**
	 * A file as uploaded by a person who may change the measures {@code allowed} accepts (a file with values of
	 * any other is refused whole): an Excel workbook by its name's ending (.xlsx), otherwise CSV (.csv or .txt, or
	 * no name) in any encoding {@link TextFiles} reads, which the report names.
	 */
	@Transactional
	public Report importFile(InputStream in, String file, Predicate<Measure> allowed, String measureCode, String measurement, Mode mode)
			throws IOException {
		return importFile(in, file, allowed, known(measureCode, measurement), mode);
	}

	/** The same, read through the mapping of its columns a person chose. */
	@Transactional
	public Report importFile(InputStream in, String file, Predicate<Measure> allowed, ColumnMapping mapping, Mode mode) throws IOException {
		return importFile(in, file, allowed, (columns) -> mapping, mode);
	}

	private Report importFile(InputStream in, String file, Predicate<Measure> allowed, Function<List<String>, ColumnMapping> mapping,
			Mode mode) throws IOException {
		Source source = open(in, file);
		return load(file, source.encoding(), allowed, mapping, mode, source.rows());
	}

	/** A file's rows as read, and how its text was read. */
	private record Source(String encoding, Consumer<Consumer<SourceRow>> rows) {
	}

	/**
	 * A file as uploaded: an Excel workbook by its name's ending (.xlsx), otherwise CSV (.csv or .txt, or no name) in
	 * any encoding {@link TextFiles} reads. Refused whole when it is neither.
	 */
	private Source open(InputStream in, String file) throws IOException {
		String name = (file != null) ? file.toLowerCase(Locale.ROOT) : "";
		if (name.endsWith(".xlsx")) {
			return workbook(in, file);
		}
		if (!name.isEmpty() && !name.endsWith(".csv") && !name.endsWith(".txt")) {
			throw refused(file, new RowProblem(0, null, "'" + file + "' is not a CSV file (.csv) or an Excel workbook (.xlsx)"));
		}
		TextFiles.Opened text;
		try {
			text = TextFiles.open(in);
		}
		catch (IllegalArgumentException ex) {
			throw refused(file, new RowProblem(0, null, ex.getMessage()));
		}
		return new Source(text.encoding(), (rows) -> csvRows(text.reader(), file, text.encoding(), rows));
	}

	private static void csvRows(Reader csv, String file, String encoding, Consumer<SourceRow> rows) {
		long line = 0;
		try (CsvReader<CsvRecord> reader = CsvReader.builder().allowMissingFields(true).allowExtraFields(false).ofCsvRecord(csv)) {
			for (CsvRecord record : reader) {
				line = record.getStartingLineNumber();
				rows.accept(new SourceRow(line, record.getFields()));
			}
		}
		catch (CharacterCodingException ex) {
			throw refused(file, new RowProblem(line + 1, null, "the file began as " + encoding + " text but is not " + encoding
					+ " here: save it again as CSV UTF-8"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (de.siegmar.fastcsv.reader.CsvParseException ex) {
			throw refused(file, new RowProblem(0, null, "the file is not valid CSV: " + ex.getMessage()));
		}
	}

	/** A file's first rows, and, with a mapping, each as it would load: its values, or its problems. */
	public record Preview(String file, String encoding, List<String> columns, List<List<String>> rows, List<Judged> judged,
			List<RowProblem> problems) {
	}

	/** One value a previewed row would give, or the problems that would keep it out. */
	public record Judged(long line, String measure, String period, String place, String breakdown, String value, String numerator,
			String denominator, List<String> problems) {
	}

	/** Enough rows read for a preview. */
	private static final class Enough extends RuntimeException {

		Enough() {
			super(null, null, false, false);
		}

	}

	/**
	 * The first {@code count} rows of a file and, where {@code mapping} is given, what each would load as: nothing is
	 * changed. A file that cannot be read at all, or a mapping that cannot be used on it, throws as an import would.
	 */
	@Transactional(readOnly = true)
	public Preview preview(InputStream in, String file, ColumnMapping mapping, int count) throws IOException {
		Source source = open(in, file);
		Map<String, Measure> measures = new HashMap<>();
		this.measures.measures().forEach((m) -> measures.put(m.code(), m));
		ObservationRows check = (mapping != null) ? new ObservationRows(measures, this.geographies.names()) : null;
		List<String> columns = new ArrayList<>();
		List<List<String>> rows = new ArrayList<>();
		List<Judged> judged = new ArrayList<>();
		List<RowProblem> problems = new ArrayList<>();
		Header[] header = new Header[1];
		try {
			source.rows().accept((row) -> {
				if (columns.isEmpty()) {
					row.fields().forEach((cell) -> columns.add(Objects.requireNonNullElse(cell, "").strip()));
					if (mapping != null) {
						try {
							header[0] = header(row, file, (c) -> mapping, measures);
						}
						catch (ObservationImportException ex) {
							problems.addAll(ex.report().errors());
						}
					}
					return;
				}
				rows.add(row.fields());
				if (header[0] != null) {
					check.row(header[0], row).forEach((outcome) -> judged.add(judged(row.line(), outcome)));
				}
				if (rows.size() >= count) {
					throw new Enough();
				}
			});
		}
		catch (Enough ex) {
			// the preview has its rows
		}
		return new Preview(file, source.encoding(), columns, rows, judged, problems);
	}

	private static Judged judged(long line, ObservationRows.Outcome outcome) {
		if (outcome.skipped()) {
			return new Judged(line, null, null, null, null, null, null, null, List.of("left out"));
		}
		ObservationRows.Checked c = outcome.checked();
		if (c == null) {
			return new Judged(line, null, null, null, null, null, null, null,
					outcome.problems().stream().map((p) -> ((p.column() != null) ? p.column() + ": " : "") + p.reason()).toList());
		}
		return new Judged(line, c.measure().code(), c.period().label(), c.geography(), c.breakdown(), plain(c.value()), plain(c.numerator()),
				plain(c.denominator()), List.of());
	}

	private static String plain(BigDecimal number) {
		return (number != null) ? number.stripTrailingZeros().toPlainString() : null;
	}

	/** The same, from the first sheet of an Excel workbook, read as a stream of rows. */
	@Transactional
	public Report importXlsx(InputStream xlsx, String file, String measureCode, String measurement, Mode mode) {
		return importXlsx(xlsx, file, ALL, known(measureCode, measurement), mode);
	}

	private Report importXlsx(InputStream xlsx, String file, Predicate<Measure> allowed, Function<List<String>, ColumnMapping> mapping,
			Mode mode) {
		Source source = workbook(xlsx, file);
		return load(file, source.encoding(), allowed, mapping, mode, source.rows());
	}

	private static Source workbook(InputStream xlsx, String file) {
		return new Source("Excel workbook", (rows) -> ObservationWorkbook.rows(xlsx,
				() -> refused(file, new RowProblem(0, null, "the file is not an Excel workbook (.xlsx) that can be read")), rows));
	}

	/**
	 * One value for the measure's own area, as a lead's approved update gives it: checked and stored as an
	 * imported row is, so a changed value becomes a revision and one far outside its history waits for confirmation.
	 */
	@Transactional
	Report importValue(String source, Measure measure, Period period, BigDecimal value, String status, String note) {
		return load(source, null, ALL, Mode.ALL_OR_NOTHING, (staging) -> staging.value(staging.check.value(1, measure, period,
				Objects.requireNonNullElse(measure.area(), ""), value, status, note)));
	}

	/** One row of a file as read: its line (or spreadsheet row) and its cells as text. */
	record SourceRow(long line, List<String> fields) {
	}

	/** A file's rows: the first names the columns, and each after it is checked and staged. */
	private Report load(String file, String encoding, Predicate<Measure> allowed, Function<List<String>, ColumnMapping> mapping, Mode mode,
			Consumer<Consumer<SourceRow>> source) {
		return load(file, encoding, allowed, mode, (staging) -> {
			Header[] header = new Header[1];
			source.accept((row) -> {
				if (header[0] == null) {
					header[0] = header(row, file, mapping, staging.measuresByCode);
				}
				else {
					staging.row(header[0], row);
				}
			});
			if (header[0] == null) {
				throw refused(file, new RowProblem(1, null, "the file is empty"));
			}
		});
	}

	private Report load(String file, String encoding, Predicate<Measure> allowed, Mode mode, Consumer<Staging> rows) {
		Staging staging = new Staging(file, encoding, allowed);
		try {
			rows.accept(staging);
			return store(file, mode, staging);
		}
		finally {
			// a copy still open would hold the connection, and the rollback, forever
			staging.cancel();
		}
	}

	/** New or changed values after which the table's statistics are brought up to date at once. */
	static final long ANALYZE_AFTER = 10_000;

	/** The key of the PostgreSQL advisory lock that merges take in turn. */
	private static final long MERGE_LOCK = 0x6774_6f62_7300L;

	private Report store(String file, Mode mode, Staging staging) {
		staging.finishCopy();
		if (staging.read > 0 && staging.skipped == staging.read) {
			throw refused(file, new RowProblem(0, null, "none of the file's " + staging.read + " rows gave a value: the mapping left them all out"
					+ " (check the rows to keep, and that the columns mapped have something in them)"));
		}
		// a temporary table has no statistics until asked: without them the joins below loop row by row
		this.jdbc.sql("analyze observation_staging").update();
		staging.refuseOthersMeasures();
		staging.duplicates();
		if (staging.errorCount > 0 && mode == Mode.ALL_OR_NOTHING) {
			throw new ObservationImportException(staging.report(0, 0, 0, 0));
		}
		long staged = this.jdbc.sql("select count(*) from observation_staging").query(Long.class).single();
		// imports read and check their files side by side, then merge one at a time: two merging the same new rows
		// at once would both insert them, and the second would fail on the unique key instead of finding them unchanged
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(MERGE_LOCK).query().singleValue();
		// each statement below names the file's measures as values, so that PostgreSQL reads their partitions of the
		// values alone (V32), never the whole table
		Long[] measures = this.jdbc.sql("select distinct measure_id from observation_staging").query(Long.class).list().toArray(Long[]::new);
		// one pass finds the new rows and those that change a stored value: all that follows touches them alone,
		// so loading the same file again writes nothing; a file that gives no numerator, denominator or interval (the
		// service's own layout, say) leaves those stored as they are
		this.jdbc.sql("""
				create temporary table observation_change on commit drop as
				select s.*, o.id observation_id from observation_staging s
				left join observation o on o.measure_id = s.measure_id and o.period_start = s.period_start
				    and o.geography = s.geography and o.breakdown = s.breakdown and o.measure_id = any(?)
				where o.id is null
				or o.value <> s.value or o.note is distinct from s.note or o.status <> coalesce(s.status, o.status)
				or o.numerator is distinct from coalesce(s.numerator, o.numerator) or o.denominator is distinct from coalesce(s.denominator, o.denominator)
				or o.lower_ci is distinct from coalesce(s.lower_ci, o.lower_ci) or o.upper_ci is distinct from coalesce(s.upper_ci, o.upper_ci)""")
			.param(measures)
			.update();
		this.jdbc.sql("analyze observation_change").update();
		long toConfirm = flagOutliers(measures);
		String actor = this.audit.actor();
		this.jdbc.sql("""
				insert into observation_revision (measure_id, observation_id, value, status, note, recorded_by, recorded_at, superseded_by)
				select o.measure_id, o.id, o.value, o.status, o.note, o.recorded_by, o.recorded_at, ?
				from observation o join observation_change c on c.measure_id = o.measure_id and c.observation_id = o.id
				where o.measure_id = any(?)""")
			.params(actor, measures)
			.update();
		long revised = this.jdbc.sql("""
				update observation o set value = c.value, note = c.note, to_confirm = c.to_confirm,
				numerator = coalesce(c.numerator, o.numerator), denominator = coalesce(c.denominator, o.denominator),
				lower_ci = coalesce(c.lower_ci, o.lower_ci), upper_ci = coalesce(c.upper_ci, o.upper_ci), recorded_by = ?,
				recorded_at = now(), status = coalesce(c.status, case when o.value <> c.value then 'revised' else o.status end)
				from observation_change c where c.measure_id = o.measure_id and c.observation_id = o.id and o.measure_id = any(?)""")
			.params(actor, measures)
			.update();
		long inserted = this.jdbc.sql("""
				insert into observation (measure_id, period_start, geography, breakdown, value, status, note, to_confirm, numerator,
				    denominator, lower_ci, upper_ci, recorded_by)
				select measure_id, period_start, geography, breakdown, value, coalesce(status, 'final'), note, to_confirm, numerator,
				denominator, lower_ci, upper_ci, ?
				from observation_change where observation_id is null""")
			.param(actor)
			.update();
		long unchanged = staged - revised - inserted;
		if (inserted + revised >= ANALYZE_AFTER) {
			// the planner would read the table as it was until autovacuum next wakes, and plan the pages that follow on that;
			// the partitions written are enough, and at national volumes far less than the whole table
			this.jdbc.sql("""
					select distinct p from unnest(?::bigint[]) m,
					lateral (select tableoid::regclass::text p from observation where measure_id = m limit 1) o""")
				.param(measures)
				.query(String.class)
				.list()
				.forEach((partition) -> this.jdbc.sql("analyze " + partition).update());
		}
		Report report = staging.report(inserted, revised, unchanged, toConfirm);
		this.audit.created("observation-import", file, "Imported observations from " + file + ": " + inserted + " new, "
				+ revised + " revised, " + unchanged + " unchanged, " + report.rejected() + " rejected", report.withoutErrors());
		return report;
	}

	/**
	 * Marks for a person to confirm the new and changed values that lie further outside their series' own
	 * history than the whole of that history spans.
	 */
	private long flagOutliers(Long[] measures) {
		return this.jdbc.sql("""
				with history as (
				    select measure_id, geography, breakdown, min(value) low, max(value) high, count(*) n
				    from observation where (measure_id, geography, breakdown) in
				        (select distinct measure_id, geography, breakdown from observation_change) and measure_id = any(?)
				    group by measure_id, geography, breakdown having count(*) >= 3
				)
				update observation_change c
				set to_confirm = 'far outside its history (' || h.low || ' to ' || h.high || '): please confirm'
				from history h
				where h.measure_id = c.measure_id and h.geography = c.geography and h.breakdown = c.breakdown
				and (c.value > h.high + greatest(h.high - h.low, abs(h.high) * 0.1)
				     or c.value < h.low - greatest(h.high - h.low, abs(h.low) * 0.1))""")
			.param(measures)
			.update();
	}

	/** A column named twice in a file's first row: which of the two holds the values cannot be told. */
	static List<RowProblem> repeatedColumns(List<String> columns) {
		List<RowProblem> repeated = new ArrayList<>();
		for (int i = 0; i < columns.size(); i++) {
			int first = columns.indexOf(columns.get(i));
			if (first < i && !columns.get(i).isEmpty()) {
				repeated.add(new RowProblem(1, columns.get(i), "the column is given twice (columns " + (first + 1) + " and " + (i + 1)
						+ "): which one holds the values cannot be told"));
			}
		}
		return repeated;
	}

	private Header header(SourceRow row, String file, Function<List<String>, ColumnMapping> mappings, Map<String, Measure> measures) {
		List<String> columns = row.fields().stream().map((cell) -> Objects.requireNonNullElse(cell, "").strip()).toList();
		List<RowProblem> repeated = repeatedColumns(columns);
		if (!repeated.isEmpty()) {
			throw refused(file, repeated.toArray(RowProblem[]::new));
		}
		ColumnMapping mapping = mappings.apply(columns);
		if (columns.contains("FeatureCode") && mapping.equals(ColumnMapping.statisticsGovScot(null, null))) {
			throw refused(file, new RowProblem(1, null, "a statistics.gov.scot file holds one measure: say which (measure=CODE)"));
		}
		List<RowProblem> problems = new ArrayList<>(mapping.problems().stream().map((problem) -> new RowProblem(1, null, problem)).toList());
		mapping.required().stream()
			.filter((column) -> !columns.contains(column))
			.forEach((column) -> problems.add(new RowProblem(1, column, "the column is missing")));
		// a file loaded for one named measure holds that measure's values alone, whoever may load the others
		Measure measure = null;
		if (mapping.measure() != null && !mapping.measure().isBlank()) {
			measure = measures.get(mapping.measure());
			if (measure == null) {
				problems.add(new RowProblem(1, null, "there is no measure " + mapping.measure()));
			}
			else if (measure.gap() != null) {
				problems.add(new RowProblem(1, null, derived(measure)));
			}
		}
		if (!problems.isEmpty()) {
			throw refused(file, problems.toArray(RowProblem[]::new));
		}
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < columns.size(); i++) {
			index.put(columns.get(i), i);
		}
		Set<String> breakdowns = new TreeSet<>(mapping.breakdowns());
		if (breakdowns.remove(ColumnMapping.REST)) {
			Set<String> mapped = new HashSet<>(mapping.required());
			mapped.addAll(mapping.ignored());
			Stream.of(mapping.statusColumn(), mapping.noteColumn()).filter(Objects::nonNull).forEach(mapped::add);
			columns.stream().filter((column) -> !column.isEmpty() && !mapped.contains(column)).forEach(breakdowns::add);
		}
		return new Header(mapping, index, List.copyOf(breakdowns), measure);
	}

	/** A gap measure's values are worked out, never loaded. */
	static String derived(Measure measure) {
		return measure.code() + " is worked out from the values of " + measure.gap().of() + ": load those instead";
	}

	/** A file refused before anything was loaded: no counts, only its problems. */
	static ObservationImportException refused(String file, RowProblem... problems) {
		return new ObservationImportException(new Report(file, null, 0, 0, 0, 0, 0, 0, 0, List.of(problems), problems.length));
	}

	/** The rows of one file on their way into the staging table. */
	private final class Staging {

		private final String file;

		private final String encoding;

		private final Predicate<Measure> allowed;

		/** Everything a row is checked against, read before the copy starts: no query can run during it. */
		private final Map<String, Measure> measuresByCode = new HashMap<>();

		private final ObservationRows check;

		private final List<RowProblem> errors = new ArrayList<>();

		private final StringBuilder buffer = new StringBuilder();

		/** Opened with the first rows to copy, so that nothing else runs on the connection meanwhile. */
		private CopyIn copy;

		private long read;

		private long skipped;

		private long errorCount;

		private long rejectedRows;

		Staging(String file, String encoding, Predicate<Measure> allowed) {
			this.file = file;
			this.encoding = encoding;
			this.allowed = allowed;

			ObservationImporter.this.measures.measures().forEach((m) -> this.measuresByCode.put(m.code(), m));
			this.check = new ObservationRows(this.measuresByCode, ObservationImporter.this.geographies.names());
			// room to sort and hash a large file's keys in memory, for this transaction only
			ObservationImporter.this.jdbc.sql("set local work_mem = '128MB'").update();
			// an earlier import refused in the same transaction leaves its tables until the transaction ends
			ObservationImporter.this.jdbc.sql("drop table if exists observation_staging, observation_change").update();
			ObservationImporter.this.jdbc.sql("""
					create temporary table observation_staging (
					    line bigint, value_column text, measure_id bigint, period_start date, geography text collate "C", breakdown text collate "C",
					    value numeric, status text, note text, numerator numeric, denominator numeric, lower_ci numeric, upper_ci numeric,
					    to_confirm text
					) on commit drop""").update();
		}

		/** A row of a file: each of its values checked, then staged, or its problems kept; or the row counted as skipped. */
		void row(Header header, SourceRow record) {
			this.read++;
			stage(this.check.row(header, record));
		}

		/** A value given typed, such as a lead's approved one. */
		void value(ObservationRows.Outcome outcome) {
			this.read++;
			stage(List.of(outcome));
		}

		private void stage(List<ObservationRows.Outcome> outcomes) {
			if (outcomes.stream().allMatch(ObservationRows.Outcome::skipped)) {
				this.skipped++;
				return;
			}
			boolean rejected = false;
			for (ObservationRows.Outcome outcome : outcomes) {
				if (!outcome.problems().isEmpty()) {
					outcome.problems().forEach(this::error);
					rejected = true;
				}
				else if (!outcome.skipped()) {
					stage(outcome.checked());
				}
			}
			if (rejected) {
				this.rejectedRows++;
			}
		}

		private void stage(ObservationRows.Checked row) {
			csv(row.line()).append(',');
			csv(row.valueColumn()).append(',');
			csv(row.measure().id()).append(',');
			csv(row.period().start()).append(',');
			csv(row.geography()).append(',');
			csv(row.breakdown()).append(',');
			csv(row.value().toPlainString()).append(',');
			csv(row.status()).append(',');
			csv(row.note()).append(',');
			csv(plain(row.numerator())).append(',');
			csv(plain(row.denominator())).append(',');
			csv(plain(row.lower())).append(',');
			csv(plain(row.upper())).append('\n');
			if (this.buffer.length() > 64 * 1024) {
				flush();
			}
		}

		/** Refuses the whole file where it holds values of a measure the person loading it may not change. */
		void refuseOthersMeasures() {
			Map<Long, Measure> byId = new HashMap<>();
			this.measuresByCode.values().forEach((m) -> byId.put(m.id(), m));
			List<RowProblem> others = new ArrayList<>();
			ObservationImporter.this.jdbc.sql("select measure_id, min(line) from observation_staging group by measure_id order by 2")
				.query((rs) -> {
					Measure measure = byId.get(rs.getLong(1));
					if (!this.allowed.test(measure)) {
						others.add(new RowProblem(rs.getLong(2), "measure", "you may not change the values of " + measure.code()
								+ ": only its lead and the owners of the plans that use it may"));
					}
				});
			if (!others.isEmpty()) {
				throw refused(this.file, others.toArray(RowProblem[]::new));
			}
		}

		/**
		 * The same series given twice in one file: where the values agree (an LGBF extract repeats Scotland's on every
		 * council's row) one is kept; where they differ neither is taken as the right one.
		 */
		void duplicates() {
			record Given(long line, String column, String value) {
			}
			List<List<Given>> conflicts = new ArrayList<>();
			boolean[] repeated = new boolean[1];
			// the keys given more than once found by counting alone, which is quick; only theirs are gathered
			ObservationImporter.this.jdbc.sql("""
					with repeated as (
					    select measure_id, period_start, geography, breakdown from observation_staging group by 1, 2, 3, 4 having count(*) > 1)
					select array_agg(s.line order by s.line), array_agg(s.value_column order by s.line), array_agg(s.value::text order by s.line),
					    count(distinct s.value)
					from observation_staging s join repeated r on r.measure_id = s.measure_id and r.period_start = s.period_start
					    and r.geography = s.geography and r.breakdown = s.breakdown
					group by s.measure_id, s.period_start, s.geography, s.breakdown order by min(s.line)""")
				.query((rs) -> {
					if (rs.getLong(4) == 1) {
						repeated[0] = true;
						return;
					}
					Long[] lines = (Long[]) rs.getArray(1).getArray();
					String[] columns = (String[]) rs.getArray(2).getArray();
					String[] values = (String[]) rs.getArray(3).getArray();
					List<Given> group = new ArrayList<>();
					for (int i = 0; i < lines.length; i++) {
						group.add(new Given(lines[i], columns[i], values[i]));
					}
					conflicts.add(group);
				});
			for (List<Given> group : conflicts) {
				Given first = group.get(0);
				group.stream().skip(1).forEach((given) -> error(new RowProblem(given.line(), given.column(), "gives " + given.value()
						+ " where line " + first.line() + " gives " + first.value() + " for the same measure, period, place and breakdown")));
				this.rejectedRows += group.size();
			}
			if (repeated[0] || !conflicts.isEmpty()) {
				// given once with one value, it is kept once; given with two, neither is taken as the right one
				ObservationImporter.this.jdbc.sql("""
						delete from observation_staging s using (
						    select measure_id, period_start, geography, breakdown, min(line) first, count(distinct value) values
						    from observation_staging group by 1, 2, 3, 4 having count(*) > 1) d
						where s.measure_id = d.measure_id and s.period_start = d.period_start
						and s.geography = d.geography and s.breakdown = d.breakdown and (d.values > 1 or s.line <> d.first)""").update();
			}
		}

		private void error(RowProblem problem) {
			this.errorCount++;
			if (this.errors.size() < MAX_LISTED_ERRORS) {
				this.errors.add(problem);
			}
		}

		Report report(long inserted, long revised, long unchanged, long toConfirm) {
			return new Report(this.file, this.encoding, this.read, inserted, revised, unchanged, this.rejectedRows, this.skipped, toConfirm,
					List.copyOf(this.errors), this.errorCount);
		}

		void finishCopy() {
			flush();
			try {
				if (this.copy != null) {
					this.copy.endCopy();
					this.copy = null;
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not copy observations", ex);
			}
		}

		void cancel() {
			try {
				if (this.copy != null && this.copy.isActive()) {
					this.copy.cancelCopy();
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not stop copying observations", ex);
			}
		}

		private void flush() {
			if (this.buffer.isEmpty()) {
				return;
			}
			byte[] bytes = this.buffer.toString().getBytes(StandardCharsets.UTF_8);
			this.buffer.setLength(0);
			try {
				if (this.copy == null) {
					Connection connection = DataSourceUtils.getConnection(ObservationImporter.this.dataSource);
					this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
							copy observation_staging (line, value_column, measure_id, period_start, geography, breakdown, value, status, note, numerator,
							    denominator, lower_ci, upper_ci)
							from stdin with (format csv)""");
				}
				this.copy.writeToCopy(bytes, 0, bytes.length);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not copy observations", ex);
			}
		}

		private static String plain(BigDecimal number) {
			return (number != null) ? number.toPlainString() : null;
		}

		private StringBuilder csv(Object value) {
			if (value == null) {
				return this.buffer;
			}
			String text = value.toString();
			if (text.isEmpty() || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
					|| text.indexOf('\r') >= 0) {
				return this.buffer.append('"').append(text.replace("\"", "\"\"")).append('"');
			}
			return this.buffer.append(text);
		}

	}

}
