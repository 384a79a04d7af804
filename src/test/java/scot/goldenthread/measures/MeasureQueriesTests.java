package scot.goldenthread.measures;

import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
import scot.goldenthread.QueryCount;
import scot.goldenthread.SignedIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The lists that judge every measure do it in a fixed number of queries: thirty more measures, each with
 * values for its council and Scotland, a baseline and a target, cost no more queries than the demo's.
 * Asked signed in, so that no kept copy answers instead.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(QueryCount.Recording.class)
@Transactional
class MeasureQueriesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	String viewer;

	@Test
	void theMeasureListsQueriesDoNotGrowWithTheMeasures() throws Exception {
		this.viewer = this.fixtures.world().viewer();
		QueryCount.Counted<String> api = read("/api/measures?size=1000");
		// the off-target measures: the LGBF indicators of the demo, with no targets, would push these past the first page
		QueryCount.Counted<String> page = read("/measures?status=off-target");
		for (int n = 1; n <= 30; n++) {
			long id = this.jdbc.sql("""
					insert into measure (code, title, polarity, unit, period_type, area)
					values (?, ?, 'higher-is-better', 'percentage', 'financial-year', 'S12000005') returning id""")
				.params("QC-" + n, "Query count measure " + n).query(Long.class).single();
			this.jdbc.sql("""
					insert into observation (measure_id, period_start, geography, value, recorded_by)
					select ?, make_date(y, 4, 1), g, 40 + y - 2020, 'test' from generate_series(2020, 2023) y, unnest(array['S12000005', 'S92000003']) g""")
				.param(id).update();
			this.jdbc.sql("""
					insert into measure_target (measure_id, kind, period_start, value) values (?, 'baseline', '2020-04-01', 40),
					(?, 'long-term', '2025-04-01', 50)""").params(id, id).update();
		}
		QueryCount.Counted<String> apiAfter = read("/api/measures?size=1000");
		QueryCount.Counted<String> pageAfter = read("/measures?status=off-target");
		// asked again with nothing changed: every judgement is kept, and none is made again
		QueryCount.Counted<String> apiKept = readKept("/api/measures?size=1000");

		assertThat(apiAfter.answer()).contains("\"code\":\"QC-30\"", "Off target: 43.0% in 2023/24 against a trajectory of 46.0%");
		assertThat(pageAfter.answer()).contains("Query count measure 30");
		assertThat(apiAfter.statements()).as(String.join("\n", apiAfter.statements())).hasSameSizeAs(api.statements());
		assertThat(pageAfter.statements()).as(String.join("\n", pageAfter.statements())).hasSameSizeAs(page.statements());
		// a fixed few: the account, the measures, the plans using them, the national and strategic outcomes they serve (one
		// walk), their values, targets, tolerances, places and worked-out group values
		assertThat(api.statements()).hasSizeLessThan(20);
		assertThat(apiKept.statements()).hasSizeLessThan(api.statements().size()).noneMatch((sql) -> sql.contains("from measure_target"));
	}

	/** What the path answers, every measure judged afresh as after a change to each. */
	QueryCount.Counted<String> read(String path) throws Exception {
		this.jdbc.sql("update measure_version set version = nextval('table_version_seq')").update();
		return readKept(path);
	}

	QueryCount.Counted<String> readKept(String path) throws Exception {
		return QueryCount.of(() -> this.mvc.perform(get(path).with(SignedIn.as(this.users, this.viewer))).andReturn().getResponse()
			.getContentAsString());
	}

}
