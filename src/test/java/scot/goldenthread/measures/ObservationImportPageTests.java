package scot.goldenthread.measures;

import java.nio.charset.StandardCharsets;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The import page as its users meet it: a plan owner or a measure's lead uploads a file and sees what it did. */
@SpringBootTest
@AutoConfigureMockMvc
class ObservationImportPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	Fixtures.World world;

	/** The world's gap, which its lead leads and its plan uses (values from 2021/22), and its measure no plan uses (none). */
	String gap;

	String unused;

	@BeforeEach
	void makeTheWorld() {
		this.world = this.fixtures.world();
		this.gap = this.world.gap();
		this.unused = this.world.unusedMeasure();
	}

	static MockMultipartHttpServletRequestBuilder upload(String name, String csv) {
		return multipart("/measures/import").file(new MockMultipartFile("file", name, "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
	}

	/** The measure's values before 2021, which the world holds none of. */
	long count(String measure) {
		return this.jdbc.sql("select count(*) from observation o join measure m on m.id = o.measure_id where m.code = ? and period_start < '2021-01-01'")
			.param(measure).query(Long.class).single();
	}

	@Test
	void aPlanOwnerImportsAFileAndSeesWhatItDid() throws Exception {
		String csv = "measure,period,geography,value\n" + this.unused + ",2019,S12000005,24.1\n" + this.unused + ",2020,S12000005,23.5\n";
		this.mvc.perform(upload("rates.csv", csv).with(SignedIn.as(this.users, this.world.owner())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("rates.csv: 2 new, 0 revised, 0 unchanged"),
					containsString("<dd class=\"govuk-summary-list__value\">2</dd>"))));
		assertThat(count(this.unused)).isEqualTo(2);
		this.mvc.perform(upload("rates.csv", csv.replace("23.5", "23.9")).with(SignedIn.as(this.users, this.world.owner())))
			.andExpect(content().string(containsString("rates.csv: 0 new, 1 revised, 1 unchanged")));
	}

	@Test
	void aFileWithBadRowsIsRefusedWithEachProblemAndNothingChanges() throws Exception {
		String csv = """
				measure,period,geography,value
				CODE,2019,S12000005,24.1
				CODE,2020,S12000005,<b>lots</b>
				CODE,2020-Q9,S12000005,23
				""".replace("CODE", this.unused);
		this.mvc.perform(upload("bad.csv", csv).with(SignedIn.as(this.users, this.world.owner())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<title>Error: Import measure data"), containsString("bad.csv was not imported"),
					containsString("Nothing was changed"), containsString("2 problems were found"),
					containsString("&#39;&lt;b&gt;lots&lt;/b&gt;&#39; is not a number"), not(containsString("<b>lots</b>")),
					containsString("<td class=\"govuk-table__cell\">4</td>"))));
		assertThat(count(this.unused)).isZero();
		// the user chooses to load the good rows
		this.mvc.perform(upload("bad.csv", csv).param("mode", "accept-valid").with(SignedIn.as(this.users, this.world.owner())))
			.andExpect(content().string(allOf(containsString("bad.csv: 1 new, 0 revised, 0 unchanged"), containsString("Rows not loaded"))));
		assertThat(count(this.unused)).isEqualTo(1);
	}

	@Test
	void eachFieldSaysWhatIsWrongBesideIt() throws Exception {
		this.mvc.perform(multipart("/measures/import").with(SignedIn.as(this.users, this.world.owner())))
			.andExpect(content().string(allOf(containsString("id=\"file-error\""), containsString("Choose a CSV or Excel file to import"))));
		// a contributor may load the measure they lead, and only that
		String csv = "measure,period,geography,value\n" + this.gap + ",2020/21,S12000005,13.9\n";
		this.mvc.perform(upload("gap.csv", csv).with(SignedIn.as(this.users, this.world.lead())))
			.andExpect(content().string(allOf(containsString("id=\"measure-error\""),
					containsString("Only a plan owner may import a file of several measures: choose the measure you lead"))));
		this.mvc.perform(upload("gap.csv", csv).param("measure", this.unused).with(SignedIn.as(this.users, this.world.lead())))
			.andExpect(content().string(containsString("Only the measure&#39;s lead or an owner of a plan that uses it may load its values")));
		this.mvc.perform(upload("gap.csv", csv).param("measure", this.gap).with(SignedIn.as(this.users, this.world.lead())))
			.andExpect(content().string(containsString("gap.csv: 1 new, 0 revised, 0 unchanged")));
		assertThat(count(this.gap)).isEqualTo(1);
		// a file loaded for the measure they lead cannot carry another's values
		this.mvc.perform(upload("gap.csv", csv + this.unused + ",2020,S12000005,30\n").param("measure", this.gap)
				.with(SignedIn.as(this.users, this.world.lead())))
			.andExpect(content().string(allOf(containsString("gap.csv was not imported"),
					containsString("is not " + this.gap + ", the measure this file is loaded for"))));
		assertThat(count(this.unused)).isZero();
		// the page is for people signed in; its measures, those the person may load
		this.mvc.perform(get("/measures/import").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(get("/measures/import").with(SignedIn.as(this.users, this.world.lead())))
			.andExpect(content().string(allOf(containsString("value=\"" + this.gap + "\""), not(containsString("value=\"" + this.unused + "\"")))));
	}

	@Test
	void theLeadConfirmsAValueFarOutsideItsHistoryOnTheMeasurePage() throws Exception {
		String csv = """
				measure,period,geography,value
				CODE,2018/19,S12000005,14.0
				CODE,2019/20,S12000005,14.5
				CODE,2020/21,S12000005,13.9
				""".replace("CODE", this.gap);
		this.mvc.perform(upload("gap.csv", csv).with(SignedIn.as(this.users, this.world.owner())));
		this.mvc.perform(upload("gap.csv", "measure,period,geography,value\n" + this.gap + ",2023/24,S12000005,41\n")
				.with(SignedIn.as(this.users, this.world.owner())))
			.andExpect(content().string(containsString("<dd class=\"govuk-summary-list__value\">1</dd>")));
		// held, it is not judged or charted, and only those who may confirm it see it listed: it is not published
		String charted = "<th scope=\"row\" class=\"govuk-table__header\">2023/24</th>";
		this.mvc.perform(get("/measures/{m}", this.gap))
			.andExpect(content().string(allOf(not(containsString("To confirm")), not(containsString("far outside its history")),
					not(containsString("observations/confirm")), not(containsString(charted)))));
		this.mvc.perform(get("/api/measures/{m}/observations", this.gap)).andExpect(content().string(not(containsString("2023/24"))));
		this.mvc.perform(get("/measures/{m}", this.gap).with(SignedIn.as(this.users, this.world.lead())))
			.andExpect(content().string(allOf(containsString("To confirm"), containsString("far outside its history (13.9 to 14.5)"),
					containsString("Confirm<span class=\"govuk-visually-hidden\"> the value for 2023/24 in S12000005</span>"),
					not(containsString(charted)))));
		this.mvc.perform(post("/measures/{m}/observations/confirm", this.gap).param("period", "2023/24").param("geography", "S12000005")
				.with(SignedIn.as(this.users, this.world.viewer())))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/measures/{m}/observations/confirm", this.gap).param("period", "2023/24").param("geography", "S12000005")
				.with(SignedIn.as(this.users, this.world.lead())))
			.andExpect(redirectedUrl("/measures/" + this.gap))
			.andExpect(flash().attribute("done", "The value for 2023/24 in S12000005 is confirmed and published."));
		assertThat(this.jdbc.sql("select count(*) from observation o join measure m on m.id = o.measure_id where m.code = ? and to_confirm is not null")
			.param(this.gap).query(Long.class).single()).isZero();
		this.mvc.perform(get("/measures/{m}", this.gap)).andExpect(content().string(containsString(charted)));
		this.mvc.perform(post("/measures/{m}/observations/confirm", this.gap).param("period", "2023/24").param("geography", "S12000005")
				.with(SignedIn.as(this.users, this.world.lead())))
			.andExpect(status().isNotFound());
	}

}
