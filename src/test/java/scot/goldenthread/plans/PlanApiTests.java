package scot.goldenthread.plans;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class PlanApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	PlanCatalogue catalogue;

	@Autowired
	Fixtures fixtures;

	Fixtures.World world;

	@BeforeEach
	void makeTheWorld() {
		this.world = this.fixtures.world();
	}

	@Test
	void listsPlansWithTheirCodeTitleTypeDatesAndStatus() throws Exception {
		String code = this.world.plan().code();
		this.mvc.perform(get("/api/plans"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItems(code, this.world.partnerPlan().plan().code())))
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].type").value("thematic-plan"))
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].start").value("2025-04-01"))
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].end").value("2028-03-31"))
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].status").value("approved"));
	}

	@Test
	void aPlanHasItsElementTreeWithAlignments() throws Exception {
		this.mvc.perform(get("/api/plans/{id}", this.world.plan().id()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value(this.world.plan().code()))
			.andExpect(jsonPath("$.elements[0].kind").value("strategic-outcome"))
			.andExpect(jsonPath("$.elements[0].alignedToNationalOutcomes", hasItems("children-and-young-people")))
			.andExpect(jsonPath("$.elements[0].children", hasSize(1)))
			.andExpect(jsonPath("$.elements[0].children[0].title").value("Every child ready to learn"))
			.andExpect(jsonPath("$.elements[0].children[0].children", hasSize(3)))
			.andExpect(jsonPath("$.elements[0].children[0].children[0].kind").value("action"))
			.andExpect(jsonPath("$.elements[0].children[0].children[0].expectedOutcome").value("on-track"))
			.andExpect(jsonPath("$.elements[0].children[0].children[0].measures[0]").value(this.world.gap()));
		this.mvc.perform(get("/api/plans/{id}", this.world.partnerPlan().plan().id()))
			.andExpect(jsonPath("$.elements[0].alignedTo[0]").value(this.world.element("P1").id()));
	}

	@Test
	void exportsInEachFormatWithItsContentTypeAndFileName() throws Exception {
		long id = this.world.plan().id();
		String code = this.world.plan().code();
		this.mvc.perform(get("/api/plans/{id}/export?format=json", id))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/json"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"" + code + ".json\""))
			.andExpect(jsonPath("$.format").value("golden-thread/plan@1"));
		this.mvc.perform(get("/api/plans/{id}/export?format=yaml", id))
			.andExpect(content().contentType("application/yaml"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("code: A1.1")));
		MvcResult xlsx = this.mvc.perform(get("/api/plans/{id}/export?format=xlsx", id)).andExpect(status().isOk()).andReturn();
		try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
			assertThat(book.getSheet("Plan")).isNotNull();
			assertThat(book.getSheet("Priorities").getLastRowNum()).isEqualTo(1);
			assertThat(book.getSheet("Actions").getLastRowNum()).isEqualTo(3);
			assertThat(book.getSheet("Actions").getRow(1).getCell(1).getStringCellValue()).isEqualTo("A1");
		}
		this.mvc.perform(get("/api/plans/{id}/export?format=pdf", id))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("format must be json, yaml or xlsx"));
	}

	@Test
	void importAnswers201WithTheNewIdOr400WithTheErrors() throws Exception {
		byte[] file = PlanImportTests.valid(this.world).replace("TEST-PLAN", this.world.tag() + "-API").getBytes(StandardCharsets.UTF_8);
		MvcResult created = this.mvc.perform(multipart("/api/plans/import").file(new MockMultipartFile("file", "plan.yaml", "application/yaml", file)).with(SignedIn.as(this.users, this.world.owner())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber())
			.andReturn();
		long id = Long.parseLong(created.getResponse().getContentAsString().replaceAll("\\D", ""));
		assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/plans/" + id);

		this.mvc.perform(multipart("/api/plans/import").file(new MockMultipartFile("file", "plan.yaml", "application/yaml", file)).with(SignedIn.as(this.users, this.world.administrator())))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].where").value("plan"))
			.andExpect(jsonPath("$.errors[0].field").value("code"))
			.andExpect(jsonPath("$.errors[0].reason").value("a plan with code '" + this.world.tag() + "-API' already exists; to refresh it, make a new version of it"));
		this.mvc.perform(multipart("/api/plans/import").file(new MockMultipartFile("file", "plan.txt", "text/plain", file)).with(SignedIn.as(this.users, this.world.administrator())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("format"));
		this.mvc.perform(multipart("/api/plans/import").file(new MockMultipartFile("file", "plan.xlsx", "application/octet-stream", file)).with(SignedIn.as(this.users, this.world.administrator())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].reason").value("is not an Excel workbook (.xlsx) that can be read"));

		this.mvc.perform(delete("/api/plans/{id}", id).with(SignedIn.as(this.users, this.world.owner()))).andExpect(status().isNoContent());
		this.mvc.perform(get("/api/plans/{id}", id))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.detail").value("There is no plan " + id));
	}

	@Test
	void aPlanThatOtherPlansServeIsNotDeleted() throws Exception {
		String code = this.world.plan().code();
		this.mvc.perform(delete("/api/plans/{id}", this.world.plan().id()).with(SignedIn.as(this.users, this.world.administrator())))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Plan " + code + " cannot be deleted: plans [" + code + "-PARTNER] are aligned to it. Remove those alignments first."));
		assertThat(this.catalogue.tree(this.world.plan().id())).isPresent();
	}

	@Test
	void aDraftPlanIsSeenOnlyByThoseWhoMaySeeWhatIsNotYetPublished() throws Exception {
		String draftCode = this.world.tag() + "-DRAFT";
		String yaml = PlanImportTests.valid(this.world).replace("TEST-PLAN", draftCode);
		long id = this.catalogue.importFile(new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), PlanFormat.YAML);
		assertThat(this.catalogue.plan(id).orElseThrow().status()).isEqualTo(PlanStatus.DRAFT);
		this.mvc.perform(get("/plans/{id}", id).accept(org.springframework.http.MediaType.TEXT_HTML))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/plans"))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(draftCode))));
		this.mvc.perform(get("/plans/{id}", id).accept(org.springframework.http.MediaType.TEXT_HTML)
			.with(SignedIn.as(this.users, this.world.viewer())))
			.andExpect(status().isOk());
		// a viewer of another partnership sees it no more than the public
		this.mvc.perform(get("/plans/{id}", id).accept(org.springframework.http.MediaType.TEXT_HTML)
			.with(SignedIn.as(this.users, this.fixtures.world().viewer())))
			.andExpect(status().isNotFound());
	}

	@Test
	void badRequestsGetJsonErrorsWithoutStackTraces() throws Exception {
		this.mvc.perform(get("/api/plans/not-a-number"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("at org."))));
		this.mvc.perform(multipart("/api/plans/import").with(SignedIn.as(this.users, this.world.administrator())))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"));
	}

	@Test
	void theGoldenThreadOfAnElementRunsUpToNationalOutcomesAndDown() throws Exception {
		PlanElement served = this.world.servingAction();
		this.mvc.perform(get("/api/plans/{p}/elements/{e}/thread", served.planId(), served.id()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.up[?(@.planCode == '" + this.world.plan().code() + "')].entries[*].code", hasItems("O1", "P1")))
			.andExpect(jsonPath("$.nationalOutcomes[*].code", hasItems("children-and-young-people")));
	}

}
