package scot.goldenthread.measures;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import scot.goldenthread.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Column mappings saved under a name, to be chosen again for the next file in the same layout; with the layouts
 * built in: statistics.gov.scot's, this service's own and the LGBF extract's.
 */
@Repository
class ImportLayouts {

	static final String STATISTICS_GOV_SCOT = "statistics.gov.scot";

	static final String GOLDEN_THREAD = "Golden Thread";

	static final String LGBF = "LGBF extract (Improvement Service)";

	/** A mapping left out of a file is no choice: booleans absent are false. */
	private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

	private final JdbcClient jdbc;

	private final AuditLog audit;

	ImportLayouts(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The built-in layouts' names, then the saved ones', each once. */
	Map<String, ColumnMapping> all() {
		Map<String, ColumnMapping> all = new LinkedHashMap<>();
		all.put(STATISTICS_GOV_SCOT, ColumnMapping.statisticsGovScot(null, null));
		all.put(GOLDEN_THREAD, ColumnMapping.goldenThread(null));
		all.put(LGBF, ColumnMapping.lgbf(null, null));
		this.jdbc.sql("select name, mapping::text from import_layout order by name")
			.query((rs) -> {
				all.putIfAbsent(rs.getString(1), this.json.readValue(rs.getString(2), ColumnMapping.class));
			});
		return all;
	}

	/** A mapping given as JSON, or none where the text is not one. */
	Optional<ColumnMapping> read(String text) {
		try {
			return Optional.ofNullable(this.json.readValue(text, ColumnMapping.class));
		}
		catch (tools.jackson.core.JacksonException ex) {
			return Optional.empty();
		}
	}

	Optional<ColumnMapping> find(String name) {
		return Optional.ofNullable(all().get(name));
	}

	/** Saves a mapping under its name, replacing the one saved before; a built-in layout's name is not free. */
	@Transactional
	void save(String name, ColumnMapping mapping) {
		String text = this.json.writeValueAsString(mapping);
		Optional<String> before = this.jdbc.sql("select mapping::text from import_layout where name = ?").param(name).query(String.class).optional();
		this.jdbc.sql("""
				insert into import_layout (name, mapping, saved_by) values (?, ?::jsonb, ?)
				on conflict (name) do update set mapping = excluded.mapping, saved_by = excluded.saved_by, saved_at = now()""")
			.params(name, text, this.audit.actor()).update();
		if (before.isPresent()) {
			this.audit.updated("import-layout", name, "Saved the layout " + name, before.get(), mapping);
		}
		else {
			this.audit.created("import-layout", name, "Saved the layout " + name, mapping);
		}
	}

	boolean builtIn(String name) {
		return STATISTICS_GOV_SCOT.equals(name) || GOLDEN_THREAD.equals(name) || LGBF.equals(name);
	}

}
