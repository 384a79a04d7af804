package scot.goldenthread.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import scot.goldenthread.audit.TableVersions;
import scot.goldenthread.nationaloutcomes.NationalOutcomes;
import scot.goldenthread.partnerships.PartnershipDirectory;
import scot.goldenthread.partnerships.PartnershipPlans;
import scot.goldenthread.partnerships.PartnershipReports;
import scot.goldenthread.people.Access;
import scot.goldenthread.places.AreaChoices;
import scot.goldenthread.shared.FirstLoad;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The front page alone, everything it reads mocked: while the demo data loads, it and every page say so and none is kept. */
@WebMvcTest(HomeController.class)
@Import(HomeControllerTests.Open.class)
class HomeControllerTests {

	/** The public's pages are open to anyone, as the application's own security has them. */
	@TestConfiguration
	static class Open {

		@Bean
		SecurityFilterChain open(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}

	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PartnershipDirectory partnerships;

	@MockitoBean
	PartnershipPlans plans;

	@MockitoBean
	PartnershipReports reports;

	@MockitoBean
	AreaChoices areas;

	@MockitoBean
	NationalOutcomes outcomes;

	@MockitoBean
	TableVersions versions;

	@MockitoBean
	FirstLoad firstLoad;

	@MockitoBean
	Access access;

	@Test
	void whileTheDemoDataLoadsThePageSaysSoAndIsNotKept() throws Exception {
		given(this.plans.leadingPlans()).willReturn(Map.of());
		given(this.reports.latestOf(any())).willReturn(Map.of());
		given(this.partnerships.partnerships()).willReturn(List.of());
		given(this.areas.councils()).willReturn(List.of());
		given(this.outcomes.all()).willReturn(List.of());
		given(this.firstLoad.loading()).willReturn(true);
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andExpect(content().string(containsString("Loading the demo data")));

		given(this.firstLoad.loading()).willReturn(false);
		this.mvc.perform(get("/").with(user("someone")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Loading the demo data"))));
	}

}
