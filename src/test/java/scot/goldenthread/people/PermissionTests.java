package scot.goldenthread.people;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import scot.goldenthread.SignedIn;
import scot.goldenthread.plans.ElementKind;
import scot.goldenthread.plans.Plan;
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
 * Every role against every write endpoint, pages and API alike. Each request is one the allowed would
 * have refused for its content (a duplicate, a bad value, a closed period), so the table changes
 * nothing: what it shows is who gets past the permission check and who is stopped at it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PermissionTests {

	static final String ANONYMOUS = "anonymous";

	static final List<String> PEOPLE = List.of(ANONYMOUS, "committee.member", "cswo", "psychologist", "secondary.manager",
			"alliance.officer", "people.director", "admin");

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

	record Endpoint(String name, Supplier<AbstractMockHttpServletRequestBuilder<?>> request, boolean page, Set<String> allowed) {
	}

	Plan plan(String code) {
		return this.plans.plan(code).orElseThrow();
	}

	@Test
	void eachRoleGetsPastOnlyTheChecksItShould() throws Exception {
		PlanTree ppl = this.plans.tree(plan("PPL-2022-23").id()).orElseThrow();
		long loip = plan("LOIP-2024-34").id();
		// led by the Principal Educational Psychologist, not by the Chief Social Work Officer
		PlanElement action = ppl.ofKind(ElementKind.ACTION).stream().filter((a) -> a.code().equals("PPL 22 48")).findFirst().orElseThrow();
		List<ReportingPeriod> periods = this.updates.periods(ppl.plan().id());
		int periodCount = periods.size();
		ReportingPeriod december = periods.get(0);
		ReportingPeriod open = periods.get(1);
		long approved = this.updates.update(action.id(), december.id()).orElseThrow().id();
		byte[] duplicatePlan = this.plans.export(ppl, scot.goldenthread.plans.PlanFormat.YAML);
		byte[] badCsv = "measure,period,geography,value\nLOIP-PL-01,not a year,S12000005,1\n".getBytes(StandardCharsets.UTF_8);
		String pplId = String.valueOf(ppl.plan().id());
		// an approved value in the closed December period: reviewing it again is refused, but only after the permission check
		long approvedValue = this.jdbc.sql("""
				insert into period_update (measure_id, period_id, measure_period, value, value_status, commentary, state, written_by)
				select id, ?, '2022-08-01', 14.3, 'final', 'Seed 002', 'approved', 'secondary.manager' from measure where code = 'NIF-NUM-GAP'
				returning id""").param(december.id()).query(Long.class).single();
		Set<String> gapLeadAndOwners = Set.of("secondary.manager", "people.director", "admin");
		Set<String> owners = Set.of("people.director", "admin");
		Set<String> planOwnersAnywhere = Set.of("people.director", "alliance.officer", "admin");
		// a measure is changed by the owners of the plans that use it: LOIP-PL-01 is the LOIP's
		Set<String> measureOwners = Set.of("alliance.officer", "admin");
		List<Endpoint> endpoints = List.of(
				new Endpoint("import a plan (API)", () -> multipart("/api/plans/import").file(new MockMultipartFile("file", "p.yaml", "application/yaml", duplicatePlan)), false, Set.of("admin")),
				new Endpoint("import a plan (page)", () -> multipart("/plans/import").file(new MockMultipartFile("file", "p.yaml", "application/yaml", duplicatePlan)), true, Set.of("admin")),
				new Endpoint("delete a plan", () -> delete("/api/plans/{id}", loip), false, Set.of("alliance.officer", "admin")),
				new Endpoint("import observations", () -> multipart("/api/observations/import").file(new MockMultipartFile("file", "o.csv", "text/csv", badCsv)), false, planOwnersAnywhere),
				new Endpoint("confirm a value", () -> post("/api/measures/LOIP-PL-01/observations/confirm").contentType(MediaType.APPLICATION_JSON)
					.content("{\"period\": \"2000/01\", \"geography\": \"S12000005\"}"), false, measureOwners),
				new Endpoint("confirm a value (page)", () -> post("/measures/LOIP-PL-01/observations/confirm").param("period", "2000/01")
					.param("geography", "S12000005"), true, measureOwners),
				new Endpoint("import places (page)", () -> multipart("/places").file(new MockMultipartFile("file", "g.csv", "text/csv", "code,name\n".getBytes())), true, planOwnersAnywhere),
				new Endpoint("import places", () -> multipart("/api/geographies/import").file(new MockMultipartFile("file", "g.csv", "text/csv", "code,name\n".getBytes())), false, planOwnersAnywhere),
				new Endpoint("write commentary", () -> post("/api/measures/LOIP-PL-01/commentary").contentType(MediaType.APPLICATION_JSON)
					.content("{\"period\": \"nonsense\", \"text\": \"x\"}"), false, measureOwners),
				new Endpoint("define measures", () -> multipart("/api/measures/definitions").file(new MockMultipartFile("file", "m.yaml", "application/yaml", "x: [".getBytes())), false, planOwnersAnywhere),
				new Endpoint("update an action (API)", () -> put("/api/actions/{a}/updates/{p}", action.id(), open.id()).contentType(MediaType.APPLICATION_JSON)
					.content("{\"progress\": 101, \"note\": \"x\"}"), false, Set.of("psychologist", "people.director", "admin")),
				new Endpoint("update an action (page)", () -> post("/plans/{p}/elements/{e}/update", pplId, action.id()).param("period", String.valueOf(open.id()))
					.param("progress", "101").param("note", "x"), true, Set.of("psychologist", "people.director", "admin")),
				new Endpoint("approve (API)", () -> post("/api/updates/{u}/approve", approved).contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0}"), false, owners),
				new Endpoint("return (API)", () -> post("/api/updates/{u}/return", approved).contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0, \"comment\": \"x\"}"), false, owners),
				new Endpoint("approve (page)", () -> post("/updates/{u}/approve", approved).param("version", "0"), true, owners),
				new Endpoint("update a measure (API)", () -> put("/api/measures/NIF-NUM-GAP/updates/{p}", open.id()).contentType(MediaType.APPLICATION_JSON)
					.content("{\"measurePeriod\": \"2023/24\", \"value\": \"x\", \"commentary\": \"x\"}"), false, gapLeadAndOwners),
				new Endpoint("update a measure (page)", () -> post("/measures/NIF-NUM-GAP/update").param("period", String.valueOf(open.id()))
					.param("measurePeriod", "2023/24").param("value", "x").param("commentary", "x"), true, gapLeadAndOwners),
				new Endpoint("approve a value (API)", () -> post("/api/measure-updates/{u}/approve", approvedValue).contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0}"), false, owners),
				new Endpoint("return a value (API)", () -> post("/api/measure-updates/{u}/return", approvedValue).contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0, \"comment\": \"x\"}"), false, owners),
				new Endpoint("approve a value (page)", () -> post("/measure-updates/{u}/approve", approvedValue).param("version", "0"), true, owners),
				new Endpoint("return a value (page)", () -> post("/measure-updates/{u}/return", approvedValue).param("version", "0").param("comment", "x"), true, owners),
				new Endpoint("write a committee report", () -> post("/plans/{p}/committee-reports", pplId).param("subject", ""), true, owners),
				new Endpoint("edit a committee report", () -> post("/committee-reports/{c}", this.papers.of(ppl.plan().id()).get(0).id())
					.param("subject", ""), true, owners),
				new Endpoint("set up a period", () -> post("/plans/{p}/periods", pplId).param("name", "").param("opensOn", "x").param("deadline", "x").param("closesOn", "x"), true, owners),
				new Endpoint("close a period", () -> post("/plans/{p}/periods/{r}/close", pplId, december.id()), true, owners),
				new Endpoint("set an action's status", () -> post("/plans/{p}/elements/{e}/status", pplId, action.id()).param("status", "overdue"), true, owners),
				new Endpoint("make an account", () -> post("/admin/accounts/new").param("username", "X").param("displayName", "").param("password", ""), true, Set.of("admin")),
				new Endpoint("give a role", () -> post("/admin/accounts/{a}/grants", 1).param("role", "nonsense").param("where", ""), true, Set.of("admin")));

		List<String> wrong = new ArrayList<>();
		for (Endpoint endpoint : endpoints) {
			for (String person : PEOPLE) {
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
		assertThat(this.plans.plans()).hasSize(3);
		assertThat(this.updates.update(action.id(), open.id())).isEmpty();
		assertThat(this.updates.periods(ppl.plan().id())).hasSize(periodCount);
		assertThat(this.jdbc.sql("select state from period_update where id = ?").param(approvedValue).query(String.class).single()).isEqualTo("approved");
		this.jdbc.sql("delete from period_update where id = ?").param(approvedValue).update();
	}

	@Test
	void aContributorCannotReachSomeoneElsesActionByEditingTheUrl() throws Exception {
		PlanTree ppl = this.plans.tree(plan("PPL-2022-23").id()).orElseThrow();
		PlanElement notTheirs = ppl.ofKind(ElementKind.ACTION).stream().filter((a) -> a.code().equals("PPL 22 48")).findFirst().orElseThrow();
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/plans/{p}/elements/{e}/update", ppl.plan().id(), notTheirs.id()).with(SignedIn.as(this.users, "cswo")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
	}

}
