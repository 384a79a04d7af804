package scot.goldenthread.web;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;

import scot.goldenthread.SignedIn;
import scot.goldenthread.plans.ActionStatuses;
import scot.goldenthread.plans.ElementKind;
import scot.goldenthread.plans.ExpectedOutcome;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanTree;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The demo's actions have one status each, the same on the plan page, the action's page, search, the
 * progress report, the API and open data; the plans that have ended read as at their final position.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OneStatusTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanCatalogue plans;

	@Autowired
	UserDetailsService users;

	@Test
	void everyDemoActionHasOneStatusOnEveryPageReportFileAndAnswer() throws Exception {
		for (String code : List.of("PPL-2022-23", "LOIP-2024-34", "CSP-2021-24")) {
			PlanTree tree = this.plans.tree(this.plans.plan(code).orElseThrow().id()).orElseThrow();
			long id = tree.plan().id();
			Map<String, ExpectedOutcome> api = fromApi(id);
			List<PlanElement> actions = tree.ofKind(ElementKind.ACTION);
			assertThat(api).as(code).hasSize(actions.size());

			Map<String, ExpectedOutcome> openData = new LinkedHashMap<>();
			csv(get("/open-data/actions.csv")).stream().filter((r) -> r.getField(0).equals(code))
				.forEach((r) -> openData.put(r.getField(1), ExpectedOutcome.of(r.getField(7)).orElseThrow()));
			assertThat(openData).as(code).isEqualTo(api);

			Map<String, String> report = new LinkedHashMap<>();
			csv(get("/plans/{id}/report/download", id).param("format", "csv")).stream().skip(1)
				.forEach((r) -> report.put(r.getField(2), r.getField(6)));
			assertThat(report).as(code).isEqualTo(labels(api));

			String page = html(get("/plans/{id}", id));
			Map<ExpectedOutcome, Long> counts = new EnumMap<>(ExpectedOutcome.class);
			api.values().forEach((s) -> counts.merge(s, 1L, Long::sum));
			assertThat(page).as(code).contains(new ActionStatuses.Rollup(counts, api.size(), null).words());

			for (PlanElement action : actions) {
				String actionPage = html(get("/plans/{id}/elements/{e}", id, action.id()));
				String shown = actionPage.substring(actionPage.indexOf("id=\"status\""), actionPage.indexOf("Worked out from progress"));
				assertThat(shown).as(action.code()).contains(api.get(action.code()).label());
			}
			for (ExpectedOutcome status : counts.keySet()) {
				// every page of what is found, 20 a page
				StringBuilder found = new StringBuilder();
				String shown = "";
				for (int n = 1; n == 1 || shown.contains("rel=\"next\""); n++) {
					shown = html(get("/search").param("status", "action:" + status.code()).param("page", String.valueOf(n)));
					found.append(shown);
				}
				api.entrySet().stream().filter((e) -> e.getValue() == status)
					.forEach((e) -> assertThat(found).as(code + " " + e.getKey()).contains(">" + e.getKey() + "<"));
			}
			// an action with nothing said of it has no update yet: never "not started"
			actions.stream().filter((a) -> a.progress() == null && a.assessment() == null && a.ownerDecision() == null)
				.forEach((a) -> assertThat(api.get(a.code())).as(a.code()).isIn(ExpectedOutcome.NO_UPDATE, ExpectedOutcome.NOT_DUE_TO_START));
		}
	}

	@Test
	void thePeopleBusinessPlanReadsAsAtItsLastPeriodNotAsOverdue() throws Exception {
		long id = this.plans.plan("PPL-2022-23").orElseThrow().id();
		String page = html(get("/plans/{id}", id));
		assertThat(page).contains("Ended 31 March 2023: the final position");
		Map<String, ExpectedOutcome> api = fromApi(id);
		assertThat(api.values()).doesNotContain(ExpectedOutcome.OVERDUE);
		assertThat(api.values().stream().filter((s) -> s == ExpectedOutcome.AT_RISK).count()).isGreaterThanOrEqualTo(4);
		assertThat(html(get("/plans/{id}", this.plans.plan("CSP-2021-24").orElseThrow().id())))
			.contains("Ended 31 March 2024: the final position");
		// where a lead's word and progress against time disagree, the action's page and the owner's cockpit say so
		String cockpit = html(get("/plans/{id}/cockpit", id).with(SignedIn.as(this.users, "people.director")));
		assertThat(cockpit).containsPattern("The lead says on track; at \\d+% with \\d+% of the time gone it looks at risk");
	}

	@Test
	void aLoipActionShowsThePartnerActionsThatServeIt() throws Exception {
		PlanTree loip = this.plans.tree(this.plans.plan("LOIP-2024-34").orElseThrow().id()).orElseThrow();
		PlanElement a4 = loip.elements().stream().filter((e) -> "WB-A4".equals(e.code())).findFirst().orElseThrow();
		String page = html(get("/plans/{id}/elements/{e}", loip.plan().id(), a4.id()));
		assertThat(page).contains("No update yet", "Actions that serve it", "3 actions: ");
		String serving = page.substring(page.indexOf("id=\"serving\""));
		assertThat(serving.substring(0, serving.indexOf("</dd>"))).containsPattern("\\d+% done on average");
		assertThat(html(get("/partnerships/clackmannanshire-alliance"))).contains("21 no update yet").doesNotContain("21 not started");
	}

	private Map<String, ExpectedOutcome> fromApi(long planId) throws Exception {
		JsonNode plan = JsonMapper.builder().build().readTree(this.mvc.perform(get("/api/plans/{id}", planId)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		Map<String, ExpectedOutcome> statuses = new LinkedHashMap<>();
		List<JsonNode> stack = new ArrayList<>();
		plan.get("elements").forEach(stack::add);
		while (!stack.isEmpty()) {
			JsonNode e = stack.remove(0);
			if ("action".equals(e.get("kind").asString())) {
				statuses.put(e.get("code").asString(), ExpectedOutcome.of(e.get("expectedOutcome").asString()).orElseThrow());
				assertThat(e.get("status").get("code").asString()).isEqualTo(e.get("expectedOutcome").asString());
			}
			e.get("children").forEach(stack::add);
		}
		return statuses;
	}

	private static Map<String, String> labels(Map<String, ExpectedOutcome> statuses) {
		return statuses.entrySet().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue().label(), (a, b) -> a, LinkedHashMap::new));
	}

	private List<CsvRecord> csv(MockHttpServletRequestBuilder request) throws Exception {
		return CsvReader.builder().ofCsvRecord(new StringReader(text(request))).stream().toList();
	}

	private String html(MockHttpServletRequestBuilder request) throws Exception {
		return text(request.accept(MediaType.TEXT_HTML));
	}

	/** The answer, a streamed download's once it has been written. */
	private String text(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		if (result.getRequest().isAsyncStarted()) {
			result = this.mvc.perform(asyncDispatch(result)).andReturn();
		}
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
