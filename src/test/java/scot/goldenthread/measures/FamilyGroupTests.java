package scot.goldenthread.measures;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;
import scot.goldenthread.measures.ObservationImporter.RowProblem;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Places are loaded from a file; a measure takes values only for the levels of place it is published for, and
 * is compared with a named family group of councils beside Scotland.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FamilyGroupTests {

	/** A council of the test's own beside a real one, so that the file adds one and finds the other. */
	static final String PLACES = """
			code,name,level,members
			S12000001,Fakeshire,council-area
			S12000030,Stirling,council-area
			FG-TEST,Family group 2 (test),family-group,S12000001;S12000030
			""";

	@Autowired
	Geographies geographies;

	@Autowired
	MeasureDefinitions definitions;

	@Autowired
	ObservationImporter importer;

	@Autowired
	MeasureCatalogue catalogue;

	@Autowired
	MeasureJudge judge;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Fixtures fixtures;

	@Autowired
	scot.goldenthread.plans.PlanCatalogue plans;

	Fixtures.World world;

	/** A measure of the test's own, as a plan's file first names one: financial years, higher is better; and a world's people. */
	@BeforeEach
	void defineMeasure() {
		this.world = this.fixtures.world();
		this.definitions.define(new ByteArrayInputStream("""
				format: golden-thread/measures@1
				measures:
				- {code: FG-TEST-05, title: Communities with plans in place, polarity: higher-is-better, periodType: financial-year}
				""".getBytes(StandardCharsets.UTF_8)), "test-measures.yaml");
	}

	@AfterEach
	void clean() {
		this.jdbc.sql("update measure set family_group = null, geography_levels = '{}' where code = 'FG-TEST-05'").update();
		this.jdbc.sql("delete from observation where measure_id = (select id from measure where code = 'FG-TEST-05')").update();
		this.jdbc.sql("delete from geography where code in ('FG-TEST', 'S12000001')").update();
	}

	Geographies.Imported load(String csv) {
		return this.geographies.importCsv(new StringReader(csv), "places.csv");
	}

	@Test
	void aMeasureIsComparedWithTheAverageOfItsFamilyGroup() throws Exception {
		assertThat(load(PLACES)).isEqualTo(new Geographies.Imported("places.csv", 2, 0, 1));
		assertThat(load(PLACES)).isEqualTo(new Geographies.Imported("places.csv", 0, 0, 3));
		this.definitions.define(new ByteArrayInputStream("""
				format: golden-thread/measures@1
				measures:
				- {code: FG-TEST-05, area: S12000005, familyGroup: FG-TEST}
				""".getBytes(StandardCharsets.UTF_8)), "m.yaml");
		this.importer.importCsv(new StringReader("""
				measure,period,geography,value
				FG-TEST-05,2021/22,S12000005,40
				FG-TEST-05,2022/23,S12000005,45
				FG-TEST-05,2021/22,S92000003,50
				FG-TEST-05,2022/23,S92000003,52
				FG-TEST-05,2021/22,S12000001,30
				FG-TEST-05,2022/23,S12000001,36
				FG-TEST-05,2021/22,S12000030,44
				FG-TEST-05,2022/23,S12000030,40
				"""), "v.csv", null, null, ObservationImporter.Mode.ALL_OR_NOTHING);
		MeasureJudge.Assessment a = this.judge.assess(this.catalogue.measure("FG-TEST-05").orElseThrow(), Instant.now(), LocalDate.now());
		assertThat(a.comparison()).isEqualTo(StatusEngine.Comparison.WORSE);
		assertThat(a.familyGroup().series()).extracting(StatusEngine.Point::value).containsExactly(37.0, 38.0);
		assertThat(a.familyGroup().members()).containsExactly("Fakeshire", "Stirling");
		// 45% against the family group's 38%, higher being better
		assertThat(a.familyGroup().comparison()).isEqualTo(StatusEngine.Comparison.BETTER);
		this.mvc.perform(get("/measures/FG-TEST-05"))
			.andExpect(content().string(allOf(containsString("Compared with Family group 2 (test)"),
					containsString("Its value is the unweighted mean of its councils&#39; values."), containsString("Its councils: Fakeshire, Stirling."), containsString(">38.0%</td>"))));
		// in the measures report of a plan that uses it
		long plan = this.plans.importFile(new ByteArrayInputStream("""
				format: golden-thread/plan@1
				plan: {code: %s-FG, title: A plan using the measure, type: strategy, partnership: %s, start: 2025-04-01, end: 2026-03-31, status: approved}
				elements:
				- code: O1
				  kind: outcome
				  title: Communities plan for themselves
				  measures: [{code: FG-TEST-05, title: Communities with plans in place, polarity: higher-is-better}]
				""".formatted(this.world.tag(), this.world.plan().partnershipCode()).getBytes(StandardCharsets.UTF_8)),
				scot.goldenthread.plans.PlanFormat.YAML);
		this.mvc.perform(get("/plans/{id}/measures-report", plan)).andExpect(content().string(containsString("Worse; Family group 2 (test): better")));
		this.mvc.perform(get("/measures/FG-TEST-05/chart.svg")).andExpect(content().string(containsString("Family group 2 (test)")));
		this.mvc.perform(get("/api/measures/FG-TEST-05"))
			.andExpect(jsonPath("$.comparedWithScotland").value("worse"))
			.andExpect(jsonPath("$.familyGroup.comparison").value("better"))
			.andExpect(jsonPath("$.familyGroup.members[0]").value("Fakeshire"));
		// a member leaves: the group is changed, and its average is Fakeshire's alone
		assertThat(load(PLACES.replace("S12000001;S12000030", "S12000001"))).isEqualTo(new Geographies.Imported("places.csv", 0, 1, 2));
		assertThat(this.judge.assess(this.catalogue.measure("FG-TEST-05").orElseThrow(), Instant.now(), LocalDate.now())
			.familyGroup().series()).extracting(StatusEngine.Point::value).containsExactly(30.0, 36.0);
	}

	@Test
	void everyBadPlaceIsReportedAndNothingChanges() throws Exception {
		String bad = """
				code,name,level,members
				S12000001,Fakeshire,council-area,
				S12000001,Fakeshire again,council-area,
				S12 000,Spaced,council-area,
				FG-TEST,,family-group,S12000001;S92000003
				S12000099,Nowhere,county,
				S12000098,Somewhere,data-zone,S12000001
				""";
		assertThatExceptionOfType(ObservationImportException.class).isThrownBy(() -> load(bad))
			.extracting((ex) -> ex.report().errors())
			.asList()
			.containsExactly(new RowProblem(3, "code", "repeats line 2"),
					new RowProblem(4, "code", "must be a code of up to 40 characters without spaces"),
					new RowProblem(5, "name", "is empty"),
					new RowProblem(6, "level", "'county' is not one of country, council-area, ward, locality, intermediate-zone, data-zone, family-group"),
					new RowProblem(5, "members", "'S92000003' is not a council area"),
					new RowProblem(7, "members", "only a family group has members"));
		assertThat(this.geographies.all()).extracting(Geographies.Geography::code).doesNotContain("S12000001", "FG-TEST");
		this.mvc.perform(multipart("/api/geographies/import").file(new MockMultipartFile("file", "g.csv", "text/csv", bad.getBytes()))
				.with(SignedIn.as(this.users, this.world.owner())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].reason").value("repeats line 2"));
		this.mvc.perform(multipart("/api/geographies/import").file(new MockMultipartFile("file", "g.csv", "text/csv", PLACES.getBytes()))
				.with(SignedIn.as(this.users, this.world.owner())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.added").value(2));
		this.mvc.perform(get("/api/geographies")).andExpect(jsonPath("$[?(@.code == 'FG-TEST')].members[1]").value("S12000030"));
		// a measure can only be compared with a family group
		assertThatExceptionOfType(ObservationImportException.class).isThrownBy(() -> this.definitions.define(new ByteArrayInputStream("""
				format: golden-thread/measures@1
				measures:
				- {code: FG-TEST-05, familyGroup: S12000001}
				""".getBytes(StandardCharsets.UTF_8)), "m.yaml"))
			.extracting((ex) -> ex.report().errors().get(0).reason()).asString().endsWith("'S12000001' is not a family group");
	}

	@Test
	void aValueIsOnlyForAPlaceTheMeasureIsPublishedFor() throws Exception {
		load(PLACES);
		this.definitions.define(new ByteArrayInputStream("""
				format: golden-thread/measures@1
				measures:
				- {code: FG-TEST-05, geographies: [council-area]}
				""".getBytes(StandardCharsets.UTF_8)), "m.yaml");
		assertThatExceptionOfType(ObservationImportException.class).isThrownBy(() -> this.importer.importCsv(new StringReader("""
				measure,period,geography,value
				FG-TEST-05,2021/22,S12000005,40
				FG-TEST-05,2021/22,S92000003,50
				FG-TEST-05,2021/22,FG-TEST,45
				"""), "v.csv", null, null, ObservationImporter.Mode.ALL_OR_NOTHING))
			.extracting((ex) -> ex.report().errors())
			.asList()
			.containsExactly(new RowProblem(3, "geography", "'S92000003' is a country, and FG-TEST-05 is published for council-area only"),
					new RowProblem(4, "geography", "'FG-TEST' is a family-group, and FG-TEST-05 is published for council-area only"));
		this.mvc.perform(get("/measures/FG-TEST-05")).andExpect(content().string(containsString("Places: council area")));
	}

	@Test
	void thePlacesPageListsThemAndAPlanOwnerLoadsMore() throws Exception {
		this.mvc.perform(get("/places"))
			.andExpect(content().string(allOf(containsString("<td class=\"govuk-table__cell\" data-label=\"Name\">Scotland</td>"), not(containsString("Import places")))));
		this.mvc.perform(multipart("/places").file(new MockMultipartFile("file", "places.csv", "text/csv", PLACES.getBytes()))
				.with(SignedIn.as(this.users, this.world.viewer())))
			.andExpect(status().isForbidden());
		this.mvc.perform(multipart("/places").file(new MockMultipartFile("file", "places.csv", "text/csv", PLACES.getBytes()))
				.with(SignedIn.as(this.users, this.world.owner())))
			.andExpect(content().string(allOf(containsString("places.csv: 2 new, 0 changed, 1 unchanged"),
					containsString("Family group 2 (test)"), containsString("Fakeshire, Stirling"))));
		this.mvc.perform(multipart("/places").file(new MockMultipartFile("file", "bad.csv", "text/csv", "code,name,level\nX,<b>X</b>,shire\n".getBytes()))
				.with(SignedIn.as(this.users, this.world.owner())))
			.andExpect(content().string(allOf(containsString("bad.csv was not imported"), containsString("1 problem was found"),
					containsString("&#39;shire&#39; is not one of"))));
		this.mvc.perform(multipart("/places").file(new MockMultipartFile("file", "empty.csv", "text/csv", "code,name\n".getBytes()))
				.with(SignedIn.as(this.users, this.world.owner())))
			.andExpect(content().string(containsString("<td class=\"govuk-table__cell gt-code\">level</td>")));
		this.mvc.perform(multipart("/places").file(new MockMultipartFile("file", "empty.csv", "text/csv", "code,name,level\n".getBytes()))
				.with(SignedIn.as(this.users, this.world.owner())))
			.andExpect(content().string(containsString("the file has no places")));
		this.mvc.perform(multipart("/places").with(SignedIn.as(this.users, this.world.owner())))
			.andExpect(content().string(containsString("Choose a CSV file of places to import")));
	}

	@Test
	void aPlaceNameWithANulOrOfAMegabyteIsRefused() {
		assertThatExceptionOfType(ObservationImportException.class)
			.isThrownBy(() -> load("code,name,level\nS12000001,Fake\u0000shire,council-area\nS12000015," + "x".repeat(1_000_000)
					+ ",council-area\n"))
			.extracting((ex) -> ex.report().errors())
			.asList()
			.containsExactly(new RowProblem(2, "name", "holds a control character (such as NUL) that no text may hold"),
					new RowProblem(3, "name", "is 1000000 characters long; it may have at most 200"));
		assertThat(this.geographies.all()).extracting(Geographies.Geography::code).doesNotContain("S12000001", "S12000015");
	}

}
