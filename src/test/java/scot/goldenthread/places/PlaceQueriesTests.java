package scot.goldenthread.places;

import java.util.List;

import org.junit.jupiter.api.Test;

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
 * A place's page, and where outcomes are poorest, read every data-zone measure and every locality in a fixed number of
 * queries: three more measures and three more localities cost none more. Asked signed in, so no kept copy answers.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(QueryCount.Recording.class)
@Transactional
class PlaceQueriesTests {

	static final String SOUTH = Localities.code("S12000005", "Multi-member wards", "Clackmannanshire South");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Localities localities;

	@Test
	void thePlacePagesQueriesDoNotGrowWithTheMeasuresOrTheLocalities() throws Exception {
		List<String> pages = List.of("/places/" + SOUTH, "/places/S12000005", "/places/S12000005/poorest?level=locality",
				"/places/S12000005/poorest?level=intermediate-zone&criteria=SIMD-INCOME&criteria=SIMD-CRIME&criteria=simd:overall");
		// each read twice: the measures' periods are learnt once a change (see SmallAreas.shapes), then kept
		read(pages);
		List<QueryCount.Counted<String>> before = read(pages);
		for (int n = 1; n <= 3; n++) {
			long id = this.jdbc.sql("""
					insert into measure (code, title, polarity, unit, period_type, geography_levels)
					values (?, ?, 'lower-is-better', 'percentage', 'calendar-year', '{data-zone}') returning id""")
				.params("QC-DZ-" + n, "Query count data-zone measure " + n).query(Long.class).single();
			this.jdbc.sql("""
					insert into observation (measure_id, period_start, geography, value, numerator, denominator, recorded_by)
					select ?, o.period_start, o.geography, o.value, o.numerator, o.denominator, 'test' from observation o
					join measure m on m.id = o.measure_id where m.code = 'SIMD-INCOME'""").param(id).update();
		}
		this.localities.define("test", "S12000005", "Query count set", "a test", List.of(new Localities.Row(2, "East", "S02001400"),
				new Localities.Row(3, "West", "S02001404"), new Localities.Row(4, "North", "S02001396")));
		read(pages);
		List<QueryCount.Counted<String>> after = read(pages);
		assertThat(after.get(0).answer()).contains("Query count data-zone measure 3");
		assertThat(after.get(2).answer()).contains("North", "West");
		for (int i = 0; i < pages.size(); i++) {
			assertThat(after.get(i).statements()).as(pages.get(i) + "\n" + String.join("\n", after.get(i).statements()))
				.hasSameSizeAs(before.get(i).statements());
		}
	}

	List<QueryCount.Counted<String>> read(List<String> paths) throws Exception {
		List<QueryCount.Counted<String>> counted = new java.util.ArrayList<>();
		for (String path : paths) {
			counted.add(QueryCount.of(() -> this.mvc.perform(get(java.net.URI.create(path)).with(SignedIn.as(this.users, "committee.member")))
				.andReturn().getResponse().getContentAsString()));
		}
		return counted;
	}

}
