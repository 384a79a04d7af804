package scot.goldenthread.stocktake;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A plan's owner adds a risk, reviews it in the open reporting period, and the register, heat map and check say so. */
@SpringBootTest
@AutoConfigureMockMvc
class RiskTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	Fixtures.World world;

	long plan;

	@BeforeEach
	void makeTheWorld() {
		this.world = this.fixtures.world();
		this.plan = this.world.plan().id();
	}

	@Test
	void aRiskIsAddedReviewedInThePeriodAndShownOnTheHeatMap() throws Exception {
		String refused = page(post("/plans/{id}/risks/new", this.plan).with(SignedIn.as(this.users, this.world.owner()))
			.param("title", "Schools cannot release staff for nurture training").param("owner", "").param("likelihoodBefore", "7")
			.param("impactBefore", "4").param("likelihoodAfter", "2").param("impactAfter", "x"));
		assertThat(refused).contains("Error: Add a risk", "Enter who owns the risk", "Likelihood before controls must be a whole number from 1 to 5",
				"Enter impact after controls as a whole number from 1 to 5, for example 3");
		LocalDate yesterday = LocalDate.now().minusDays(1);
		this.mvc.perform(post("/plans/{id}/risks/new", this.plan).with(SignedIn.as(this.users, this.world.owner()))
			.param("title", "Schools cannot release staff for nurture training").param("owner", "Head of Education").param("likelihoodBefore", "4")
			.param("impactBefore", "4").param("controls", "Training in in-service days").param("likelihoodAfter", "3").param("impactAfter", "3")
			.param("reviewOn.day", String.valueOf(yesterday.getDayOfMonth())).param("reviewOn.month", String.valueOf(yesterday.getMonthValue()))
			.param("reviewOn.year", String.valueOf(yesterday.getYear())).param("element", String.valueOf(this.world.element("A1").id()))
			.param("audience", "public"))
			.andExpect(redirectedUrl("/plans/" + this.plan + "/risks"));
		String register = page(get("/plans/{id}/risks", this.plan));
		assertThat(register).contains("Very high: likelihood 4, impact 4 (16)", "High: likelihood 3, impact 3 (9)",
				"Due for review", "gt-heat--high\">1</td>");
		assertThat(page(get("/plans/{id}/stock-take", this.plan))).contains("1 risk in the register, 1 due for review.",
				"The risk &#39;Schools cannot release staff for nurture training&#39; is due for review");
		long risk = this.jdbc.sql("select id from risk where plan_id = ?").param(this.plan).query(Long.class).single();
		this.mvc.perform(post("/plans/{id}/risks/{r}/review", this.plan, risk).with(SignedIn.as(this.users, this.world.owner()))
			.param("likelihood", "2").param("impact", "3").param("note", "Cover staff are funded this year.")
			.param("nextReview.day", "1").param("nextReview.month", "9").param("nextReview.year", String.valueOf(LocalDate.now().getYear() + 1)))
			.andExpect(redirectedUrl("/plans/" + this.plan + "/risks"));
		assertThat(page(get("/plans/{id}/risks", this.plan))).contains("Medium: likelihood 2, impact 3 (6)", "(Update now): Medium (6). Cover staff are funded this year.",
				"No risk is due for review.");
		assertThat(this.jdbc.sql("select count(*) from audit_event where entity_type = 'risk' and entity_id = ?").param(String.valueOf(risk))
			.query(Integer.class).single()).isEqualTo(2);
		// only the owner reviews, and removes
		this.mvc.perform(post("/plans/{id}/risks/{r}/review", this.plan, risk).with(SignedIn.as(this.users, this.world.lead()))
			.param("likelihood", "1").param("impact", "1").param("note", "Not mine.")).andExpect(status().isForbidden());
		this.mvc.perform(post("/plans/{id}/risks/{r}/remove", this.plan, risk).with(SignedIn.as(this.users, this.world.owner())))
			.andExpect(redirectedUrl("/plans/" + this.plan + "/risks"));
		assertThat(page(get("/plans/{id}/risks", this.plan))).contains("No risk is recorded yet.");
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
