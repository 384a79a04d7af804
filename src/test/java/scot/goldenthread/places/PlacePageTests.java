package scot.goldenthread.places;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A place's public page, map and chart, as the public reads them. */
@SpringBootTest
@AutoConfigureMockMvc
class PlacePageTests {

	@Autowired
	MockMvc mvc;

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
		this.mvc.perform(get("/places/LGBF-C3")).andExpect(status().isNotFound());
		this.mvc.perform(get("/places/nowhere/map.svg")).andExpect(status().isNotFound());
	}

}
