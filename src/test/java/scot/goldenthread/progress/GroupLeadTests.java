package scot.goldenthread.progress;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;
import scot.goldenthread.partnerships.Partnership;
import scot.goldenthread.partnerships.PartnershipDirectory;
import scot.goldenthread.people.Accounts;
import scot.goldenthread.people.Role;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanFormat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An action led by a group, an outcome improvement group set up as a partnership: its contributors update it in the
 * partnership's plan and find it among their updates; a contributor outside the group may not.
 */
@SpringBootTest
@AutoConfigureMockMvc
class GroupLeadTests {

	@Autowired
	PartnershipDirectory partnerships;

	@Autowired
	Accounts accounts;

	@Autowired
	PlanCatalogue plans;

	@Autowired
	ProgressUpdates updates;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Fixtures fixtures;

	Fixtures.World world;

	String group;

	long planId;

	@BeforeEach
	void aPlanWithAnActionTheGroupLeads() {
		this.world = this.fixtures.world();
		this.group = this.world.tag() + "-oig";
		this.partnerships.addPartnership(this.group, "Early Years Improvement Group " + this.world.tag(), Partnership.Kind.THEMATIC,
				this.world.plan().partnershipCode(), null, null, List.of());
		long member = this.accounts.create(new Accounts.Details(this.group + ".member", "Health Visitor " + this.world.tag(),
				this.group + "@fixtures.example", "Health Visitor", null), null);
		this.accounts.grant(member, Role.CONTRIBUTOR, this.partnerships.partnership(this.group).orElseThrow().id(), null);
		this.planId = this.plans.importFile(new ByteArrayInputStream("""
				format: golden-thread/plan@1
				plan: {code: %s-GROUP, title: A plan a group leads in, type: thematic-plan, partnership: %s, start: 2025-04-01,
				       end: 2028-03-31, status: approved}
				elements:
				- {code: G1, kind: action, title: Every family offered a 27-30 month review, due: 2027-03-31, leads: [Early Years Improvement Group %s]}
				""".formatted(this.world.tag().toUpperCase(), this.world.plan().partnershipCode(), this.world.tag())
			.getBytes(StandardCharsets.UTF_8)), PlanFormat.YAML);
		this.updates.recordPeriod(this.plans.plan(this.planId).orElseThrow(), "Now", LocalDate.now().minusDays(3), LocalDate.now().plusDays(10),
				LocalDate.now().plusDays(20), null, null);
	}

	@AfterEach
	void deleteThePlan() {
		this.plans.delete(this.planId);
	}

	@Test
	void theGroupsContributorsUpdateWhatItLeadsAndNoOneElse() throws Exception {
		PlanElement action = this.plans.tree(this.planId).orElseThrow().elements().get(0);
		long period = this.updates.periods(this.planId).get(0).id();
		String member = this.group + ".member";
		assertThat(this.mvc.perform(get("/my-updates").with(SignedIn.as(this.users, member))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("Every family offered a 27-30 month review");
		this.mvc.perform(put("/api/actions/{a}/updates/{p}", action.id(), period).with(SignedIn.as(this.users, member))
			.contentType(MediaType.APPLICATION_JSON).content("{\"progress\": 20, \"note\": \"Reviews offered in two health centres.\"}"))
			.andExpect(status().isOk());
		// a contributor in the plan's partnership who is not in the group, nor named as a lead
		this.mvc.perform(put("/api/actions/{a}/updates/{p}", action.id(), period).with(SignedIn.as(this.users, this.world.lead()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"progress\": 30, \"note\": \"Not mine to give.\"}"))
			.andExpect(status().isForbidden());
		assertThat(this.mvc.perform(get("/plans/{p}/elements/{e}", this.planId, action.id()).with(SignedIn.as(this.users, member)))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Update this action",
					"href=\"/partnerships/" + this.group + "\"");
	}

}
