package scot.goldenthread.stocktake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.writer.CsvWriter;

import scot.goldenthread.shared.SpreadsheetCells;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What every published plan stands on, as open data: the records published with each plan (never a participation
 * record's contact, never a record kept to the partnership, never a measure not public) and each plan's standing against
 * the six statements. Each file is one query, however many plans there are.
 */
@RestController
class StockTakeOpenData {

	/** Of a published plan: one that is not a draft. Elements withdrawn by a later version are left out. */
	private static final String PUBLISHED = "p.status <> 'draft'";

	private static final String INFORMS = """
			(select string_agg(e.code, '; ' order by e.position) from record_element x join plan_element e on e.id = x.element_id
			 where x.record = '%s' and x.record_id = r.id and e.withdrawn_in is null) informs""";

	private static final Map<String, String> FILES = Map.of("participation", """
			select p.code plan, r.kind, r.title, r.method, r.held_from, r.held_to, r.participants, array_to_string(r.communities, '; ') communities,
			       array_to_string(r.seldom_heard, '; ') seldom_heard, r.heard you_said, r.changed we_did, %s
			from participation r join plan p on p.id = r.plan_id where %s and r.public order by p.code, r.held_from nulls last, r.id"""
		.formatted(INFORMS.formatted("participation"), PUBLISHED), "evidence", """
			select p.code plan, r.kind, r.title, r.published_on, r.author, r.link, r.summary, %s,
			       (select string_agg(m.code, '; ' order by m.code) from evidence_measure c join measure m on m.id = c.measure_id
			        where c.evidence_id = r.id and m.public) measures,
			       case when r.file_id is not null then '/plans/' || p.id || '/stands-on/evidence/' || r.id || '/file' end file
			from evidence r join plan p on p.id = r.plan_id where %s and r.public order by p.code, r.published_on nulls last, r.id"""
		.formatted(INFORMS.formatted("evidence"), PUBLISHED), "equality-impacts", """
			select p.code plan, c.subject committee_paper, c.meeting_date committee_date, r.title, r.assessed_on, r.outcome, r.summary, r.link,
			       case when r.file_id is not null then '/plans/' || p.id || '/stands-on/equality-impact/' || r.id || '/file' end file
			from equality_impact r join plan p on p.id = r.plan_id left join committee_report c on c.id = r.committee_report_id
			where %s and r.public order by p.code, r.assessed_on nulls last, r.id""".formatted(PUBLISHED), "contributions", """
			select p.code plan, e.code element, pa.code partner, pa.name partner_name, r.financial_year, r.money, r.fte, r.in_kind, r.source
			from contribution r join plan_element e on e.id = r.element_id join plan p on p.id = e.plan_id join partner pa on pa.id = r.partner_id
			where %s and e.withdrawn_in is null order by p.code, r.financial_year, pa.name, r.id""".formatted(PUBLISHED), "risks", """
			select p.code plan, e.code element, r.title, r.description, r.owner, r.likelihood_before, r.impact_before, r.likelihood_after,
			       r.impact_after, r.controls, r.further_actions, r.review_on
			from risk r join plan p on p.id = r.plan_id left join plan_element e on e.id = r.element_id and e.withdrawn_in is null
			where %s and r.public order by p.code, r.id""".formatted(PUBLISHED), "agreements", """
			select pa.code partnership, r.agreed_on, r.agreed_by, r.text agreed, r.statement
			from agreement r join partnership pa on pa.id = r.partnership_id where r.public order by pa.code, r.agreed_on nulls last, r.id""",
			"stock-take", """
			select p.code plan, s.statement, s.gaps, s.assessed self_assessed,
			       to_char(s.worked_out_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') worked_out_at
			from stock_take_standing s join plan p on p.id = s.plan_id where %s order by p.code, s.statement""".formatted(PUBLISHED));

	private final JdbcClient jdbc;

	private final String licence;

	private final String licenceUrl;

	StockTakeOpenData(JdbcClient jdbc, @Value("${goldenthread.open-data.licence}") String licence,
			@Value("${goldenthread.open-data.licence-url}") String licenceUrl) {
		this.jdbc = jdbc;
		this.licence = licence;
		this.licenceUrl = licenceUrl;
	}

	@GetMapping("/open-data/{name:participation|evidence|equality-impacts|contributions|risks|agreements|stock-take}.csv")
	ResponseEntity<byte[]> file(@PathVariable String name) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CsvWriter csv = CsvWriter.builder().build(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
			boolean[] headed = { false };
			this.jdbc.sql(FILES.get(name)).query((java.sql.ResultSet rs) -> {
				ResultSetMetaData meta = rs.getMetaData();
				if (!headed[0]) {
					csv.writeRecord(columns(meta));
					headed[0] = true;
				}
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					Object value = rs.getObject(i);
					row.add((value == null) ? "" : SpreadsheetCells.csv(value.toString()));
				}
				csv.writeRecord(row);
			});
			if (!headed[0]) {
				csv.writeRecord(header(name));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".csv").build().toString())
			.header(HttpHeaders.LINK, "<" + this.licenceUrl + ">; rel=\"license\"; title=\"" + this.licence + "\"")
			.body(out.toByteArray());
	}

	private static List<String> columns(ResultSetMetaData meta) throws java.sql.SQLException {
		List<String> names = new ArrayList<>();
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			names.add(meta.getColumnLabel(i));
		}
		return names;
	}

	/** The columns of a file with no rows, read from the query's own description. */
	private List<String> header(String name) {
		org.springframework.jdbc.core.ResultSetExtractor<List<String>> names = (rs) -> columns(rs.getMetaData());
		return this.jdbc.sql("select * from (" + FILES.get(name) + ") f limit 0").query(names);
	}

}
