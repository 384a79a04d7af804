package scot.goldenthread.measures;

import java.nio.charset.StandardCharsets;

import scot.goldenthread.SignedIn;

import org.junit.jupiter.api.AfterEach;
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

	/** The demo holds NIF-NUM-GAP's 2022/23 value; these tests add only earlier years, and take them away. */
	@AfterEach
	void removeObservations() {
		this.jdbc.sql("""
				delete from observation where measure_id in (select id from measure where code in ('LOIP-PL-05', 'NIF-NUM-GAP'))
				and period_start < '2022-01-01'""").update();
	}

	static MockMultipartHttpServletRequestBuilder upload(String name, String csv) {
		return multipart("/measures/import").file(new MockMultipartFile("file", name, "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
	}

	long count(String measure) {
		return this.jdbc.sql("select count(*) from observation o join measure m on m.id = o.measure_id where m.code = ? and period_start < '2022-01-01'")
			.param(measure).query(Long.class).single();
	}

	@Test
	void aPlanOwnerImportsAFileAndSeesWhatItDid() throws Exception {
		String csv = "measure,period,geography,value\nLOIP-PL-05,2019/20,S12000005,24.1\nLOIP-PL-05,2020/21,S12000005,23.5\n";
		this.mvc.perform(upload("rates.csv", csv).with(SignedIn.as(this.users, "alliance.officer")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("rates.csv: 2 new, 0 revised, 0 unchanged"),
					containsString("<dd class=\"govuk-summary-list__value\">2</dd>"))));
		assertThat(count("LOIP-PL-05")).isEqualTo(2);
		this.mvc.perform(upload("rates.csv", csv.replace("23.5", "23.9")).with(SignedIn.as(this.users, "alliance.officer")))
			.andExpect(content().string(containsString("rates.csv: 0 new, 1 revised, 1 unchanged")));
	}

	@Test
	void aFileWithBadRowsIsRefusedWithEachProblemAndNothingChanges() throws Exception {
		String csv = """
				measure,period,geography,value
				LOIP-PL-05,2019/20,S12000005,24.1
				LOIP-PL-05,2020/21,S12000005,<b>lots</b>
				LOIP-PL-05,2020-Q9,S12000005,23
				""";
		this.mvc.perform(upload("bad.csv", csv).with(SignedIn.as(this.users, "alliance.officer")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<title>Error: Import measure data"), containsString("bad.csv was not imported"),
					containsString("Nothing was changed"), containsString("2 problems were found"),
					containsString("&#39;&lt;b&gt;lots&lt;/b&gt;&#39; is not a number"), not(containsString("<b>lots</b>")),
					containsString("<td class=\"govuk-table__cell\">4</td>"))));
		assertThat(count("LOIP-PL-05")).isZero();
		// the user chooses to load the good rows
		this.mvc.perform(upload("bad.csv", csv).param("mode", "accept-valid").with(SignedIn.as(this.users, "alliance.officer")))
			.andExpect(content().string(allOf(containsString("bad.csv: 1 new, 0 revised, 0 unchanged"), containsString("Rows not loaded"))));
		assertThat(count("LOIP-PL-05")).isEqualTo(1);
	}

	@Test
	void eachFieldSaysWhatIsWrongBesideIt() throws Exception {
		this.mvc.perform(multipart("/measures/import").with(SignedIn.as(this.users, "people.director")))
			.andExpect(content().string(allOf(containsString("id=\"file-error\""), containsString("Choose a CSV or Excel file to import"))));
		// a contributor may load the measure they lead, and only that
		String csv = "measure,period,geography,value\nNIF-NUM-GAP,2021/22,S12000005,13.9\n";
		this.mvc.perform(upload("gap.csv", csv).with(SignedIn.as(this.users, "secondary.manager")))
			.andExpect(content().string(allOf(containsString("id=\"measure-error\""),
					containsString("Only a plan owner may import a file of several measures: choose the measure you lead"))));
		this.mvc.perform(upload("gap.csv", csv).param("measure", "LOIP-PL-05").with(SignedIn.as(this.users, "secondary.manager")))
			.andExpect(content().string(containsString("Only the measure&#39;s lead or an owner of a plan that uses it may load its values")));
		this.mvc.perform(upload("gap.csv", csv).param("measure", "NIF-NUM-GAP").with(SignedIn.as(this.users, "secondary.manager")))
			.andExpect(content().string(containsString("gap.csv: 1 new, 0 revised, 0 unchanged")));
		assertThat(count("NIF-NUM-GAP")).isEqualTo(1);
		// a file loaded for the measure they lead cannot carry another's values
		this.mvc.perform(upload("gap.csv", csv + "LOIP-PL-05,2021/22,S12000005,30\n").param("measure", "NIF-NUM-GAP")
				.with(SignedIn.as(this.users, "secondary.manager")))
			.andExpect(content().string(allOf(containsString("gap.csv was not imported"),
					containsString("is not NIF-NUM-GAP, the measure this file is loaded for"))));
		assertThat(count("LOIP-PL-05")).isZero();
		// the page is for people signed in; its measures, those the person may load
		this.mvc.perform(get("/measures/import").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(get("/measures/import").with(SignedIn.as(this.users, "secondary.manager")))
			.andExpect(content().string(allOf(containsString("value=\"NIF-NUM-GAP\""), not(containsString("value=\"LOIP-PL-05\"")))));
	}

	@Test
	void theLeadConfirmsAValueFarOutsideItsHistoryOnTheMeasurePage() throws Exception {
		String csv = """
				measure,period,geography,value
				NIF-NUM-GAP,2018/19,S12000005,14.0
				NIF-NUM-GAP,2019/20,S12000005,14.5
				NIF-NUM-GAP,2020/21,S12000005,13.9
				""";
		this.mvc.perform(upload("gap.csv", csv).with(SignedIn.as(this.users, "people.director")));
		this.mvc.perform(upload("gap.csv", "measure,period,geography,value\nNIF-NUM-GAP,2021/22,S12000005,41\n")
				.with(SignedIn.as(this.users, "people.director")))
			.andExpect(content().string(containsString("<dd class=\"govuk-summary-list__value\">1</dd>")));
		// held, it is not judged or charted, and only those who may confirm it see it listed: it is not published
		String charted = "<th scope=\"row\" class=\"govuk-table__header\">2021/22</th>";
		this.mvc.perform(get("/measures/NIF-NUM-GAP"))
			.andExpect(content().string(allOf(not(containsString("To confirm")), not(containsString("far outside its history")),
					not(containsString("observations/confirm")), not(containsString(charted)))));
		this.mvc.perform(get("/api/measures/NIF-NUM-GAP/observations")).andExpect(content().string(not(containsString("2021/22"))));
		this.mvc.perform(get("/measures/NIF-NUM-GAP").with(SignedIn.as(this.users, "secondary.manager")))
			.andExpect(content().string(allOf(containsString("To confirm"), containsString("far outside its history (13.9 to 14.5)"),
					containsString("Confirm<span class=\"govuk-visually-hidden\"> the value for 2021/22 in S12000005</span>"),
					not(containsString(charted)))));
		this.mvc.perform(post("/measures/NIF-NUM-GAP/observations/confirm").param("period", "2021/22").param("geography", "S12000005")
				.with(SignedIn.as(this.users, "committee.member")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/measures/NIF-NUM-GAP/observations/confirm").param("period", "2021/22").param("geography", "S12000005")
				.with(SignedIn.as(this.users, "secondary.manager")))
			.andExpect(redirectedUrl("/measures/NIF-NUM-GAP"))
			.andExpect(flash().attribute("done", "The value for 2021/22 in S12000005 is confirmed and published."));
		assertThat(this.jdbc.sql("select count(*) from observation where to_confirm is not null").query(Long.class).single()).isZero();
		this.mvc.perform(get("/measures/NIF-NUM-GAP")).andExpect(content().string(containsString(charted)));
		this.mvc.perform(post("/measures/NIF-NUM-GAP/observations/confirm").param("period", "2021/22").param("geography", "S12000005")
				.with(SignedIn.as(this.users, "secondary.manager")))
			.andExpect(status().isNotFound());
	}

}
