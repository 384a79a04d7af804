package scot.goldenthread.people;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.progress.ProgressUpdates;
import scot.goldenthread.progress.ReportingPeriod;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Every role against every write endpoint, pages and API alike, in a world of the test's own. Each request is one
 * the allowed would have refused for its content (a duplicate, a bad value, a closed period, a plan others serve),
 * so the table changes nothing: what it shows is who gets past the permission check and who is stopped at it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PermissionTests {

	static final String ANONYMOUS = "anonymous";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	PlanCatalogue plans;

	@Autowired
	ProgressUpdates updates;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	scot.goldenthread.reports.CommitteeReports papers;

	@Autowired
	Fixtures fixtures;

	record Endpoint(String name, Supplier<AbstractMockHttpServletRequestBuilder<?>> request, boolean page, Set<String> allowed) {
	}

	@Test
	void eachRoleGetsPastOnlyTheChecksItShould() throws Exception {
		Fixtures.World world = this.fixtures.world();
		// a plan owner, but of another partnership's plans
		String ownerElsewhere = this.fixtures.world().owner();
		String viewer = world.viewer();
		String lead = world.lead();
		String otherLead = world.otherLead();
		String owner = world.owner();
		String administrator = world.administrator();
		List<String> people = List.of(ANONYMOUS, viewer, otherLead, lead, ownerElsewhere, owner, administrator);
		PlanTree plan = world.tree();
		// led by the lead, not by the other lead
		PlanElement action = world.element("A1");
		String gap = world.gap();
		ReportingPeriod past = world.past();
		ReportingPeriod open = world.open();
		int periodCount = this.updates.periods(plan.plan().id()).size();
		int planCount = this.plans.plans().size();
		long approved = this.updates.update(action.id(), past.id()).orElseThrow().id();
		byte[] duplicatePlan = this.plans.export(plan, scot.goldenthread.plans.PlanFormat.YAML);
		byte[] badCsv = ("measure,period,geography,value\n" + gap + ",not a year,S12000005,1\n").getBytes(StandardCharsets.UTF_8);
		String planId = String.valueOf(plan.plan().id());
		// an approved value in the closed period: reviewing it again is refused, but only after the permission check
		long approvedValue = this.jdbc.sql("""
				insert into period_update (measure_id, period_id, measure_period, value, value_status, commentary, state, written_by)
				select id, ?, '2022-08-01', 14.3, 'final', 'Fixture', 'approved', ? from measure where code = ?
				returning id""").params(past.id(), lead, gap).query(Long.class).single();
		long paper = this.papers.record(plan.plan().id(), new scot.goldenthread.reports.CommitteeReports.Draft("Fixture Council",
				"Audit and Scrutiny Committee", scot.goldenthread.shared.DateInput.parse("2026-02-09"), "Progress", "Fixture Owner", null,
				java.util.Map.of(scot.goldenthread.reports.CommitteeReport.Section.PURPOSE, "To report progress."), null), owner).id();
		// the owners of the plan's partnership: a plan file of the partnership, such as a copy of this plan, is theirs to import too
		Set<String> owners = Set.of(owner, administrator);
		Set<String> planOwnersAnywhere = Set.of(owner, ownerElsewhere, administrator);
		// a measure is changed by its lead and the owners of the plans that use it
		Set<String> measureChangers = Set.of(lead, owner, administrator);
		List<Endpoint> endpoints = List.of(
				new Endpoint("import a plan (API)", () -> multipart("/api/plans/import").file(new MockMultipartFile("file", "p.yaml", "application/yaml", duplicatePlan)), false, owners),
				new Endpoint("import a plan (page)", () -> multipart("/plans/import").file(new MockMultipartFile("file", "p.yaml", "application/yaml", duplicatePlan)), true, owners),
				new Endpoint("delete a plan", () -> delete("/api/plans/{id}", planId), false, owners),
				new Endpoint("import observations", () -> multipart("/api/observations/import").file(new MockMultipartFile("file", "o.csv", "text/csv", badCsv)), false, planOwnersAnywhere),
				new Endpoint("confirm a value", () -> post("/api/measures/{m}/observations/confirm", gap).contentType(MediaType.APPLICATION_JSON)
					.content("{\"period\": \"2000/01\", \"geography\": \"S12000005\"}"), false, measureChangers),
				new Endpoint("confirm a value (page)", () -> post("/measures/{m}/observations/confirm", gap).param("period", "2000/01")
					.param("geography", "S12000005"), true, measureChangers),
				new Endpoint("import places (page)", () -> multipart("/places").file(new MockMultipartFile("file", "g.csv", "text/csv", "code,name\n".getBytes())), true, planOwnersAnywhere),
				new Endpoint("import places", () -> multipart("/api/geographies/import").file(new MockMultipartFile("file", "g.csv", "text/csv", "code,name\n".getBytes())), false, planOwnersAnywhere),
				new Endpoint("write commentary", () -> post("/api/measures/{m}/commentary", gap).contentType(MediaType.APPLICATION_JSON)
					.content("{\"period\": \"nonsense\", \"text\": \"x\"}"), false, measureChangers),
				new Endpoint("define measures", () -> multipart("/api/measures/definitions").file(new MockMultipartFile("file", "m.yaml", "application/yaml", "x: [".getBytes())), false, planOwnersAnywhere),
				new Endpoint("update an action (API)", () -> put("/api/actions/{a}/updates/{p}", action.id(), open.id()).contentType(MediaType.APPLICATION_JSON)
					.content("{\"progress\": 101, \"note\": \"x\"}"), false, Set.of(lead, owner, administrator)),
				new Endpoint("update an action (page)", () -> post("/plans/{p}/elements/{e}/update", planId, action.id()).param("period", String.valueOf(open.id()))
					.param("progress", "101").param("note", "x"), true, Set.of(lead, owner, administrator)),
				new Endpoint("approve (API)", () -> post("/api/updates/{u}/approve", approved).contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0}"), false, owners),
				new Endpoint("return (API)", () -> post("/api/updates/{u}/return", approved).contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0, \"comment\": \"x\"}"), false, owners),
				new Endpoint("approve (page)", () -> post("/updates/{u}/approve", approved).param("version", "0"), true, owners),
				new Endpoint("update a measure (API)", () -> put("/api/measures/{m}/updates/{p}", gap, open.id()).contentType(MediaType.APPLICATION_JSON)
					.content("{\"measurePeriod\": \"2023/24\", \"value\": \"x\", \"commentary\": \"x\"}"), false, measureChangers),
				new Endpoint("update a measure (page)", () -> post("/measures/{m}/update", gap).param("period", String.valueOf(open.id()))
					.param("measurePeriod", "2023/24").param("value", "x").param("commentary", "x"), true, measureChangers),
				new Endpoint("approve a value (API)", () -> post("/api/measure-updates/{u}/approve", approvedValue).contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0}"), false, owners),
				new Endpoint("return a value (API)", () -> post("/api/measure-updates/{u}/return", approvedValue).contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0, \"comment\": \"x\"}"), false, owners),
				new Endpoint("approve a value (page)", () -> post("/measure-updates/{u}/approve", approvedValue).param("version", "0"), true, owners),
				new Endpoint("return a value (page)", () -> post("/measure-updates/{u}/return", approvedValue).param("version", "0").param("comment", "x"), true, owners),
				new Endpoint("write a committee report", () -> post("/plans/{p}/committee-reports", planId).param("subject", ""), true, owners),
				new Endpoint("edit a committee report", () -> post("/committee-reports/{c}", paper).param("subject", ""), true, owners),
				new Endpoint("set up a period", () -> post("/plans/{p}/periods", planId).param("name", "").param("opensOn", "x").param("deadline", "x").param("closesOn", "x"), true, owners),
				new Endpoint("close a period", () -> post("/plans/{p}/periods/{r}/close", planId, past.id()), true, owners),
				new Endpoint("set an action's status", () -> post("/plans/{p}/elements/{e}/status", planId, action.id()).param("status", "overdue"), true, owners),
				new Endpoint("make an account", () -> post("/admin/accounts/new").param("username", "X").param("displayName", "").param("password", ""), true, Set.of(administrator)),
				new Endpoint("give a role", () -> post("/admin/accounts/{a}/grants", 1).param("role", "nonsense").param("where", ""), true, Set.of(administrator)));

		List<String> wrong = new ArrayList<>();
		for (Endpoint endpoint : endpoints) {
			for (String person : people) {
				// pages are asked for as a browser asks, so that the anonymous are sent to sign in; a script calls the API with no CSRF token
				AbstractMockHttpServletRequestBuilder<?> request = endpoint.request().get().accept(endpoint.page() ? MediaType.TEXT_HTML : MediaType.APPLICATION_JSON);
				if (!person.equals(ANONYMOUS)) {
					request.with(SignedIn.as(this.users, person));
				}
				else if (endpoint.page()) {
					request.with(csrf());
				}
				int status = this.mvc.perform(request).andReturn().getResponse().getStatus();
				String outcome = (person.equals(ANONYMOUS)) ? (endpoint.page() ? "302" : "401")
						: endpoint.allowed().contains(person) ? "allowed" : "403";
				String actual = (status == 401 || status == 403 || (status == 302 && person.equals(ANONYMOUS))) ? String.valueOf(status) : "allowed";
				if (!actual.equals(outcome)) {
					wrong.add(endpoint.name() + " as " + person + ": expected " + outcome + " but got " + status);
				}
			}
		}
		assertThat(wrong).isEmpty();
		// and nothing changed
		assertThat(this.plans.plans()).hasSize(planCount);
		assertThat(this.updates.update(action.id(), open.id())).isEmpty();
		assertThat(this.updates.periods(plan.plan().id())).hasSize(periodCount);
		assertThat(this.jdbc.sql("select state from period_update where id = ?").param(approvedValue).query(String.class).single()).isEqualTo("approved");
		assertThat(this.papers.get(paper).subject()).isEqualTo("Progress");
	}

	@Test
	void aContributorCannotReachSomeoneElsesActionByEditingTheUrl() throws Exception {
		Fixtures.World world = this.fixtures.world();
		PlanElement notTheirs = world.element("A1");
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/plans/{p}/elements/{e}/update", notTheirs.planId(), notTheirs.id()).with(SignedIn.as(this.users, world.otherLead())))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
	}

}
