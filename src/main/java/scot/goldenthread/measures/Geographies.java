package scot.goldenthread.measures;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.measures.ObservationImporter.RowProblem;
import scot.goldenthread.shared.TextFiles;
import scot.goldenthread.shared.TextLimits;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The places values are published for, loaded from a CSV file of {@code code,name,level} and, for a family
 * group of councils, its {@code members} (council area codes separated by semicolons). A file with any bad
 * row changes nothing.
 */
@Service
public class Geographies {

	static final String FAMILY_GROUP = "family-group";

	static final String SCOTLAND = "S92000003";

	/** The code of the family group whose average a publisher gives beside a council's value (LGBF does), as it gives it. */
	static String familyGroupOf(String council) {
		return "FG-" + council;
	}

	static final String COUNCIL_AREA = "council-area";

	static final List<String> LEVELS = List.of("country", COUNCIL_AREA, "ward", "locality", "intermediate-zone", "data-zone", FAMILY_GROUP);

	private final JdbcClient jdbc;

	private final AuditLog audit;

	Geographies(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public record Geography(String code, String name, String level, List<String> members) {
	}

	public record Imported(String file, int added, int changed, int unchanged) {
	}

	public List<Geography> all() {
		return this.jdbc.sql("""
				select g.code, g.name, g.level, array_remove(array_agg(m.member order by m.member), null)
				from geography g left join geography_member m on m.family_group = g.code
				group by g.code order by g.level, g.code""")
			.query((rs, n) -> new Geography(rs.getString(1), rs.getString(2), rs.getString(3),
					List.of((String[]) rs.getArray(4).getArray())))
			.list();
	}

	/** The council areas, by name: the places a measure can be judged for on its page. */
	public List<Geography> councils() {
		return this.jdbc.sql("select code, name from geography where level = ? order by name").param(COUNCIL_AREA)
			.query((rs, n) -> new Geography(rs.getString(1), rs.getString(2), COUNCIL_AREA, List.of()))
			.list();
	}

	/** A place's level, if there is such a place. */
	public java.util.Optional<String> level(String code) {
		return this.jdbc.sql("select level from geography where code = ?").param(code).query(String.class).optional();
	}

	/** A place's name, or its code where it has none. */
	public String name(String code) {
		return (code == null) ? "" : this.jdbc.sql("select name from geography where code = ?").param(code).query(String.class)
			.optional().orElse(code);
	}

	/** A locality as a place of its council, so values can be published and plans scoped for it; its name kept up to date. */
	public void placeLocality(String code, String name, String council) {
		this.jdbc.sql("""
				insert into geography (code, name, level, parent) values (?, ?, 'locality', ?)
				on conflict (code) do update set name = excluded.name where geography.level = 'locality'""")
			.params(code, name, council)
			.update();
	}

	/** Every place by its code, name or old code, with its level, as an import finds the places its rows give. */
	PlaceNames names() {
		Map<String, String> names = new HashMap<>();
		Map<String, String> levels = new HashMap<>();
		this.jdbc.sql("select code, name, level from geography").query((java.sql.ResultSet rs) -> {
			names.put(rs.getString(1), rs.getString(2));
			levels.put(rs.getString(1), rs.getString(3));
		});
		Map<String, String> aliases = new HashMap<>();
		this.jdbc.sql("select alias, code from geography_alias").query((java.sql.ResultSet rs) -> {
			aliases.put(rs.getString(1), rs.getString(2));
		});
		return new PlaceNames(names, levels, aliases);
	}

	Map<String, String> levels() {
		Map<String, String> levels = new HashMap<>();
		this.jdbc.sql("select code, level from geography").query((java.sql.ResultSet rs) -> {
			levels.put(rs.getString(1), rs.getString(2));
		});
		return levels;
	}

	/** A file of places as uploaded, in any encoding {@link TextFiles} reads. */
	@Transactional
	public Imported importFile(InputStream in, String file) throws IOException {
		try (Reader csv = TextFiles.open(in).reader()) {
			return importCsv(csv, file);
		}
		catch (IllegalArgumentException ex) {
			throw ObservationImporter.refused(file, new RowProblem(0, null, ex.getMessage()));
		}
		catch (CharacterCodingException ex) {
			throw ObservationImporter.refused(file, new RowProblem(0, null, "the file is not in one encoding throughout: save it again as CSV UTF-8"));
		}
	}

	@Transactional
	public Imported importCsv(Reader csv, String file) {
		List<RowProblem> problems = new ArrayList<>();
		Map<String, Geography> rows = new LinkedHashMap<>();
		Map<String, Long> lines = new HashMap<>();
		try (CsvReader<CsvRecord> reader = CsvReader.builder().allowMissingFields(true).ofCsvRecord(csv)) {
			Map<String, Integer> columns = null;
			for (CsvRecord row : reader) {
				if (columns == null) {
					columns = header(row.getFields(), problems);
					if (!problems.isEmpty()) {
						break;
					}
					continue;
				}
				long line = row.getStartingLineNumber();
				Map<String, Integer> index = columns;
				java.util.function.Function<String, String> field = (column) -> (index.containsKey(column)
						&& index.get(column) < row.getFieldCount()) ? row.getField(index.get(column)).strip() : "";
				String code = field.apply("code");
				String members = field.apply("members");
				Geography geography = new Geography(code, field.apply("name"), field.apply("level"),
						members.isEmpty() ? List.of() : Arrays.stream(members.split(";")).map(String::strip).toList());
				if (code.isEmpty() || code.length() > 40 || code.chars().anyMatch(Character::isWhitespace)) {
					problems.add(new RowProblem(line, "code", code.isEmpty() ? "is empty" : "must be a code of up to 40 characters without spaces"));
				}
				else if (lines.containsKey(code)) {
					problems.add(new RowProblem(line, "code", "repeats line " + lines.get(code)));
				}
				else {
					TextLimits.problem(code, 40).ifPresent((reason) -> problems.add(new RowProblem(line, "code", reason)));
				}
				if (geography.name().isEmpty()) {
					problems.add(new RowProblem(line, "name", "is empty"));
				}
				TextLimits.problem(geography.name(), TextLimits.NAME).ifPresent((reason) -> problems.add(new RowProblem(line, "name", reason)));
				if (!LEVELS.contains(geography.level())) {
					problems.add(new RowProblem(line, "level", "'" + geography.level() + "' is not one of " + String.join(", ", LEVELS)));
				}
				lines.putIfAbsent(code, line);
				rows.putIfAbsent(code, geography);
			}
			if (problems.isEmpty() && rows.isEmpty()) {
				problems.add(new RowProblem(1, null, "the file has no places"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (CsvParseException ex) {
			problems.add(new RowProblem(0, null, "the file is not valid CSV: " + ex.getMessage()));
		}
		checkMembers(rows, lines, problems);
		if (!problems.isEmpty()) {
			throw ObservationImporter.refused(file, problems.toArray(RowProblem[]::new));
		}
		return store(file, rows.values());
	}

	/** The columns by name; any missing is a problem. */
	private static Map<String, Integer> header(List<String> fields, List<RowProblem> problems) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < fields.size(); i++) {
			columns.put(fields.get(i).strip(), i);
		}
		problems.addAll(ObservationImporter.repeatedColumns(fields.stream().map(String::strip).toList()));
		List.of("code", "name", "level").stream().filter((c) -> !columns.containsKey(c))
			.forEach((c) -> problems.add(new RowProblem(1, c, "the column is missing")));
		return columns;
	}

	/** Only a family group has members, and each is a council area, in the file or already known. */
	private void checkMembers(Map<String, Geography> rows, Map<String, Long> lines, List<RowProblem> problems) {
		Map<String, String> levels = levels();
		rows.values().forEach((g) -> levels.put(g.code(), g.level()));
		for (Geography g : rows.values()) {
			long line = lines.get(g.code());
			if (!FAMILY_GROUP.equals(g.level()) && !g.members().isEmpty()) {
				problems.add(new RowProblem(line, "members", "only a family group has members"));
			}
			else if (FAMILY_GROUP.equals(g.level()) && g.members().isEmpty()) {
				problems.add(new RowProblem(line, "members", "a family group needs its member councils"));
			}
			g.members().stream().filter((m) -> !COUNCIL_AREA.equals(levels.get(m)))
				.forEach((m) -> problems.add(new RowProblem(line, "members", "'" + m + "' is not a council area")));
		}
	}

	private Imported store(String file, java.util.Collection<Geography> rows) {
		Set<String> added = new HashSet<>();
		Set<String> changed = new HashSet<>();
		this.jdbc.sql("""
				insert into geography (code, name, level) select * from unnest(?::text[], ?::text[], ?::text[])
				on conflict (code) do update set name = excluded.name, level = excluded.level
				where (geography.name, geography.level) is distinct from (excluded.name, excluded.level)
				returning code, xmax = 0""")
			.params(rows.stream().map(Geography::code).toArray(String[]::new), rows.stream().map(Geography::name).toArray(String[]::new),
					rows.stream().map(Geography::level).toArray(String[]::new))
			.query((java.sql.ResultSet rs) -> {
				(rs.getBoolean(2) ? added : changed).add(rs.getString(1));
			});
		changed.addAll(this.jdbc.sql("""
				with wanted (family_group, member) as (select * from unnest(?::text[], ?::text[])),
				gone as (delete from geography_member m where m.family_group = any(?)
				         and (m.family_group, m.member) not in (select * from wanted) returning m.family_group),
				came as (insert into geography_member select * from wanted on conflict do nothing returning family_group)
				select family_group from gone union select family_group from came""")
			.params(rows.stream().flatMap((g) -> g.members().stream().map((m) -> g.code())).toArray(String[]::new),
					rows.stream().flatMap((g) -> g.members().stream()).toArray(String[]::new),
					rows.stream().map(Geography::code).toArray(String[]::new))
			.query(String.class)
			.list());
		changed.removeAll(added);
		Imported imported = new Imported(file, added.size(), changed.size(), rows.size() - added.size() - changed.size());
		this.audit.created("geography-import", file, "Imported places from " + file + ": " + imported.added() + " new, "
				+ imported.changed() + " changed, " + imported.unchanged() + " unchanged", imported);
		return imported;
	}

}
