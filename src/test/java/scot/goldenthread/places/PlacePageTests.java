package scot.goldenthread.places;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import scot.goldenthread.SignedIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A place's public page, map and chart, as the public reads them. */
@SpringBootTest
@AutoConfigureMockMvc
class PlacePageTests {

	static final String FALKIRK = "S12000014";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Localities localities;

	@Test
	void aCouncilsPageListsItsLocalitiesAndComparesEveryMeasureWithScotland() throws Exception {
		this.mvc.perform(get("/places/S12000005"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Clackmannanshire"), containsString("Clackmannanshire Central"),
					containsString("the multi-member wards of the Scottish Government"), containsString("People who are income deprived"),
					containsString("The gap between the most and least deprived fifth of Clackmannanshire is"),
					containsString("18 data zones (25.0%)"), containsString("28.8%"))));
	}

	@Test
	void aDataZoneMeasuresPageShowsTheLargerPlacesAndItsDataZonesOnRequestAPageAtATime() throws Exception {
		String page = this.mvc.perform(get("/measures/SIMD-INCOME").accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		long zones = this.jdbc.sql("""
				select count(*) from observation o join measure m on m.id = o.measure_id join geography g on g.code = o.geography
				where m.code = 'SIMD-INCOME' and g.level = 'data-zone' and o.to_confirm is null""").query(Long.class).single();
		assertThat(zones).isGreaterThan(6000);
		// Scotland and the councils in full; not one data zone's row, but how many there are and where to read them
		assertThat(page).contains(String.format("%,d values for data zones", zones), "see them, 100 a page").doesNotContain(">S01");
		assertThat(page.length()).isLessThan(400_000);

		String first = this.mvc.perform(get("/measures/SIMD-INCOME/values").param("level", "data-zone").accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(first).contains(String.format("Showing 1 to 100 of %,d", zones), "rel=\"next\"");
		assertThat(first.split("<tr class=\"govuk-table__row\">", -1)).hasSize(101 + 1);
		String last = this.mvc.perform(get("/measures/SIMD-INCOME/values").param("level", "data-zone").param("page", "99999")
			.accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(last).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");

		String csv = this.mvc.perform(get("/measures/SIMD-INCOME/values.csv").param("level", "data-zone")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv.lines()).first().isEqualTo("measure,period,geography,breakdown,value,status,note");
		assertThat(csv.lines().count()).isEqualTo(zones + 1);
		this.mvc.perform(get("/measures/SIMD-INCOME/values").param("level", "no-such-level").accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotFound());
	}

	@Test
	void aLocalitysPageShowsWhereItIsAndHowItComparesWithItsCouncilAndScotland() throws Exception {
		String code = Localities.code("S12000005", "Multi-member wards", "Clackmannanshire South");
		this.mvc.perform(get("/places/" + code).param("measure", "SIMD-EMPLOYMENT"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Locality of Clackmannanshire"), containsString("Working-age people who are employment deprived, 2020"),
					containsString("than Clackmannanshire"), containsString("than Scotland"), containsString("/map.svg"), containsString("Contains OS data"))));
		this.mvc.perform(get("/places/" + code + "/map.svg"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/svg+xml"))
			.andExpect(content().string(allOf(containsString("<svg"), containsString("SIMD quintile 1 (most deprived)"), containsString("Contains OS data"))));
		this.mvc.perform(get("/places/" + code + "/chart.svg").param("measure", "SIMD-EMPLOYMENT"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<svg"), containsString("Most deprived fifth"))));
	}

	@Test
	void scotlandsPageMapsItsCouncilsAndAPlaceNotMadeOfDataZonesIsNotFound() throws Exception {
		this.mvc.perform(get("/places/S92000003")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Deprivation by council"), not(containsString("Where outcomes are poorest")))));
		this.mvc.perform(get("/places/S92000003/map.svg")).andExpect(status().isOk());
		this.mvc.perform(get("/places/S92000003").param("measure", "SIMD-INCOME")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Councils compared on People who are income deprived"), containsString("Glasgow City"))));
		this.mvc.perform(get("/places/S92000003/map.svg").param("measure", "SIMD-INCOME")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Poorest fifth of the councils")));
		this.mvc.perform(get("/places/LGBF-C3")).andExpect(status().isNotFound());
		this.mvc.perform(get("/places/nowhere/map.svg")).andExpect(status().isNotFound());
	}

	@Test
	void anOfficerDrawsLocalitiesFromAFileAndAFileWithABadRowChangesNothing() throws Exception {
		MockMultipartFile bad = new MockMultipartFile("file", "bad.csv", "text/csv",
				"locality,code\nGrangemouth,S02001696\nGrangemouth,S01009050\nAlloa,S01007410\n".getBytes());
		this.mvc.perform(multipart("/places/" + FALKIRK + "/localities").file(bad).param("set", "Test localities")
			.with(SignedIn.as(this.users, "alliance.officer")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The localities were not drawn"), containsString("Nothing was changed"),
					containsString("Line 3, column code: data zone S01009050 is already in Grangemouth on line 2"),
					containsString("Line 4, column code: &#39;S01007410&#39; is in Clackmannanshire, not Falkirk"))));
		assertThat(this.jdbc.sql("select count(*) from locality where council = ?").param(FALKIRK).query(Long.class).single()).isZero();
		MockMultipartFile good = new MockMultipartFile("file", "good.csv", "text/csv",
				"locality,code\nNorth,S02001696\nNorth,S02001697\nSouth,S02001698\n".getBytes());
		this.mvc.perform(multipart("/places/" + FALKIRK + "/localities").file(good).param("set", "Test localities")
			.with(SignedIn.as(this.users, "alliance.officer")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Drew 2 localities of Falkirk (Test localities)"), containsString("the file good.csv"))));
		// a council's localities are ranked a set at a time
		this.localities.drawWards(FALKIRK, "Wards", "the wards");
		this.mvc.perform(get("/places/" + FALKIRK + "/poorest").param("level", "locality").param("set", "Test localities"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Localities (Test localities) of Falkirk"), containsString("North"),
					not(containsString("Grangemouth")))));
		// the public reads the new locality's page at once, every measure worked out for it
		this.mvc.perform(get("/places/" + Localities.code(FALKIRK, "Test localities", "North")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Locality of Falkirk"), containsString("People who are income deprived"))));
		// only a plan owner draws localities
		this.mvc.perform(multipart("/places/" + FALKIRK + "/localities").file(good).param("set", "Test localities")
			.with(SignedIn.as(this.users, "cswo")))
			.andExpect(status().isForbidden());
	}

	@Test
	void anOfficerRanksTheIntermediateZonesAndRecordsAPriorityWithTheEvidenceAsItStood() throws Exception {
		this.mvc.perform(get("/places/S12000005/poorest").param("level", "intermediate-zone").param("criteria", "simd:overall", "SIMD-INCOME")
			.param("rankBy", "SIMD-INCOME"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Intermediate zones of Clackmannanshire, ranked by People who are income deprived, poorest first"),
					containsString("on the council"), containsString("on Scotland"), containsString("/poorest/map.svg"))));
		this.mvc.perform(get("/places/S12000005/poorest/map.svg").param("level", "locality"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Poorest fifth of the places ranked")));
		String iz = this.jdbc.sql("select code from geography where level = 'intermediate-zone' and parent = 'S12000005' order by code limit 1")
			.query(String.class).single();
		this.mvc.perform(post("/places/S12000005/poorest").param("level", "intermediate-zone").param("criteria", "SIMD-INCOME")
			.param("plan", "1").param("place", iz).param("rationale", "")
			.with(SignedIn.as(this.users, "alliance.officer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Say why it is a priority")));
		this.mvc.perform(post("/places/S12000005/poorest").param("level", "intermediate-zone").param("criteria", "SIMD-INCOME")
			.param("plan", "1").param("place", iz).param("rationale", "Highest income deprivation <b>in the county</b>")
			.with(SignedIn.as(this.users, "alliance.officer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is recorded as a priority of")));
		this.mvc.perform(get("/places/" + iz))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("A priority of"), containsString("Highest income deprivation &lt;b&gt;in the county&lt;/b&gt;"),
					containsString("The evidence as it stood that day"), containsString("on the council"))));
		assertThat(this.jdbc.sql("select count(*) from audit_event where entity_type = 'priority-locality'").query(Long.class).single()).isPositive();
		this.mvc.perform(get("/plans/1")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Priority localities"), containsString("Highest income deprivation"))));
		// a contributor may not choose for a plan
		this.mvc.perform(post("/places/S12000005/poorest").param("plan", "1").param("place", iz).param("rationale", "Because")
			.with(SignedIn.as(this.users, "cswo")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theApiGivesAPlaceItsDataZonesAndAnyMeasureByQuintileForEveryPlaceOfALevel() throws Exception {
		this.mvc.perform(get("/api/places/S12000005"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.simd.dataZones").value(72))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.simd.quintiles[0].dataZones").value(18))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.localities.length()").value(5));
		String locality = Localities.code("S12000005", "Multi-member wards", "Clackmannanshire South");
		this.mvc.perform(get("/api/places/" + locality + "/data-zones"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[0].council").value("S12000005"));
		this.mvc.perform(get("/api/measures/SIMD-INCOME/places").param("level", "intermediate-zone").param("council", "S12000005")
			.param("by", "simd-quintile"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.values[?(@.band == 'all')].place",
					org.hamcrest.Matchers.hasSize(12)))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.workedOutAs")
				.value(containsString("numerators summed over their denominators")));
		// a measure not published for data zones is not worked out for larger places, and says where its values are
		this.mvc.perform(get("/api/measures/LOIP-WB-01/places").param("level", "intermediate-zone"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("LOIP-WB-01 is not published for data zones")));
		this.mvc.perform(get("/api/measures/SIMD-INCOME/places").param("level", "data-zone")).andExpect(status().isBadRequest());
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(
				this.mvc.perform(get("/open-data/data-zones.csv")).andReturn()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data_zone,name,intermediate_zone"), containsString("S01007409"))));
	}

	@Autowired
	scot.goldenthread.plans.PlanCatalogue plans;

	static final String LOCALITY_PLAN = """
			format: golden-thread/plan@1
			plan:
			  code: TEST-LOCALITY-PLAN
			  title: Clackmannanshire East locality plan
			  type: locality-plan
			  locality: LOCALITY
			  start: 2025-04-01
			  end: 2028-03-31
			  status: approved
			elements:
			- code: LP-O1
			  kind: outcome
			  title: Warmer homes in the east
			  locality: LOCALITY
			""";

	@Test
	void aLocalityPlanBelongsToItsLocalityAndALocalityThatIsNotOneIsRefused() throws Exception {
		String locality = Localities.code("S12000005", "Multi-member wards", "Clackmannanshire East");
		long id = this.plans.importFile(new java.io.ByteArrayInputStream(LOCALITY_PLAN.replace("LOCALITY", locality).getBytes()),
				scot.goldenthread.plans.PlanFormat.YAML);
		this.mvc.perform(get("/plans/" + id)).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Locality"), containsString("href=\"/places/" + locality + "\""))));
		this.mvc.perform(get("/places/" + locality)).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Plans for Clackmannanshire East"), containsString("Clackmannanshire East locality plan"),
					containsString("LP-O1 Warmer homes in the east"))));
		// the plan's file keeps its locality, so export then import gives the same plan back
		assertThat(new String(this.plans.export(this.plans.tree(id).orElseThrow(), scot.goldenthread.plans.PlanFormat.YAML)))
			.contains("locality: " + locality);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.plans.importFile(new java.io.ByteArrayInputStream(LOCALITY_PLAN
			.replace("TEST-LOCALITY-PLAN", "TEST-BAD-LOCALITY").replace("LOCALITY", "S12000005").getBytes()), scot.goldenthread.plans.PlanFormat.YAML))
			.hasMessageContaining("is not the code of a locality");
	}

	@Test
	void anAdministratorLoadsASimdEditionFromThePlacesPageAndABadFileChangesNothing() throws Exception {
		MockMultipartFile bad = new MockMultipartFile("editionFile", "simd.csv", "text/csv",
				"data_zone,rank,population,working_age_population\nS01999999,1,10,5\n".getBytes());
		this.mvc.perform(multipart("/places/simd-editions").file(bad).param("edition", "SIMD 2032").with(SignedIn.as(this.users, "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("&#39;S01999999&#39; is not a 2011 data zone"), containsString("Load a new SIMD edition"))));
		assertThat(this.jdbc.sql("select count(*) from simd_edition where name = 'SIMD 2032'").query(Long.class).single()).isZero();
		this.mvc.perform(multipart("/places/simd-editions").file(bad).param("edition", "SIMD 2032")
			.with(SignedIn.as(this.users, "alliance.officer")))
			.andExpect(status().isForbidden());
	}

}
