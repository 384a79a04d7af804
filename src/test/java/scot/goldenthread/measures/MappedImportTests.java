package scot.goldenthread.measures;

import java.nio.charset.StandardCharsets;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A file in a layout never seen before, loaded as it came by mapping its columns: preview first, then load, and the mapping saved. */
@SpringBootTest
@AutoConfigureMockMvc
class MappedImportTests {

	/** One column a year, councils by the names their own files use, and a column to keep rows by. */
	static final String WIDE = """
			Area name,Indicator,2019,2020,2021
			Clackmannanshire,Share,24.1,23.5,22.9
			Edinburgh City,Share,18.0,17.2,16.9
			Eilean Siar,Share,12.5,12.9,13.1
			Clackmannanshire,Count,512,498,480
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	Fixtures.World world;

	@BeforeEach
	void makeTheWorld() {
		this.world = this.fixtures.world();
	}

	<B extends AbstractMockHttpServletRequestBuilder<B>> B as(B request) {
		return request.with(SignedIn.as(this.users, this.world.owner()));
	}

	String upload(String layout) throws Exception {
		return this.mvc.perform(as(multipart("/measures/import").file(new MockMultipartFile("file", "shares.csv", "text/csv",
				WIDE.getBytes(StandardCharsets.UTF_8))).param("layout", layout)))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
	}

	long values() {
		return this.jdbc.sql("select count(*) from observation o join measure m on m.id = o.measure_id where m.code = ?")
			.param(this.world.unusedMeasure()).query(Long.class).single();
	}

	MockHttpServletRequestBuilder mapping(String page, String action) {
		return as(post(page)).param("measure", this.world.unusedMeasure()).param("placeColumn", "Area name")
			.param("wide", "2019", "2020", "2021").param("wideInto", "period").param("keepColumn", "Indicator").param("keepValue", "Share")
			.param("action", action);
	}

	@Test
	void anOfficerMapsTheColumnsOfAFileNeverSeenPreviewsItLoadsItAndSavesTheMapping() throws Exception {
		String page = upload(ObservationImportController.MAP);
		assertThat(page).startsWith("/measures/import/");
		this.mvc.perform(as(get(page)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The file's first rows"), containsString("Edinburgh City"),
					containsString("<th scope=\"col\" class=\"govuk-table__header\">Area name</th>"))));
		// an unfinished mapping says what it lacks, and changes nothing
		this.mvc.perform(as(post(page)).param("action", "preview"))
			.andExpect(content().string(allOf(containsString("The mapping is not finished"),
					containsString("Say which column holds the period, which columns are periods, or the one period of every row"))));
		this.mvc.perform(mapping(page, "preview"))
			.andExpect(content().string(allOf(containsString("As they would load"), containsString("S12000036"), containsString("S12000013"),
					containsString(">Good</strong>"), containsString("left out"))));
		assertThat(values()).isZero();
		this.mvc.perform(mapping(page, "load").param("saveAs", "Shares by council " + this.world.tag()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("shares.csv: 9 new, 0 revised, 0 unchanged")));
		assertThat(values()).isEqualTo(9);
		// the upload is gone once loaded; the mapping is there to be chosen for the next such file
		this.mvc.perform(as(get(page))).andExpect(status().isNotFound());
		String again = upload("Shares by council " + this.world.tag());
		assertThat(again).contains("?layout=");
		this.mvc.perform(as(get(java.net.URI.create(again))))
			.andExpect(content().string(allOf(containsString(">Good</strong>"), not(containsString("The mapping is not finished")),
					containsString("value=\"Share\""))));
	}

	@Test
	void aBadValueOrAPlaceThatMatchesNothingIsNamedByRowAndColumnAndUnderAllOrNothingNothingLoads() throws Exception {
		String page = this.mvc.perform(as(multipart("/measures/import").file(new MockMultipartFile("file", "bad.csv", "text/csv", """
				Area name,Indicator,2019
				Clackmanan shire,Share,24.1
				Stirling,Share,lots
				Stirling,Share,101
				""".getBytes(StandardCharsets.UTF_8))).param("layout", ObservationImportController.MAP)))
			.andReturn().getResponse().getRedirectedUrl();
		this.mvc.perform(as(post(page)).param("measure", this.world.unusedMeasure()).param("placeColumn", "Area name").param("wide", "2019")
			.param("wideInto", "period").param("action", "load"))
			.andExpect(content().string(allOf(containsString("bad.csv was not imported"), containsString("Nothing was changed"),
					containsString("did you mean Clackmannanshire?"), containsString("&#39;lots&#39; is not a number"),
					containsString("a percentage cannot be over 100"))));
		assertThat(values()).isZero();
	}


	@Test
	void theApiLoadsAFileThroughAMappingGivenAsJsonOrALayoutSavedByName() throws Exception {
		String mapping = """
				{"measure": "%s", "values": [{"placeColumn": "Area name"}], "wide": {"columns": ["2019", "2020", "2021"], "into": "period"},
				 "keep": {"column": "Indicator", "value": "Share"}}""".formatted(this.world.unusedMeasure());
		this.mvc.perform(as(multipart("/api/observations/import").file(new MockMultipartFile("file", "shares.csv", "text/csv",
				WIDE.getBytes(StandardCharsets.UTF_8))).param("mapping", mapping)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.inserted").value(9));
		assertThat(values()).isEqualTo(9);
		// a mapping that keeps no row is told so, not answered with nothing done
		this.mvc.perform(as(multipart("/api/observations/import").file(new MockMultipartFile("file", "shares.csv", "text/csv",
				WIDE.getBytes(StandardCharsets.UTF_8))).param("mapping", mapping.replace("\"Share\"", "\"Shares\""))))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("none of the file's 4 rows gave a value: the mapping left them all out")));
		this.mvc.perform(as(multipart("/api/observations/import").file(new MockMultipartFile("file", "shares.csv", "text/csv",
				WIDE.getBytes(StandardCharsets.UTF_8))).param("mapping", "{not json")))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/import-layouts"))
			.andExpect(content().string(allOf(containsString("LGBF extract (Improvement Service)"), containsString("statistics.gov.scot"))));
	}

}
