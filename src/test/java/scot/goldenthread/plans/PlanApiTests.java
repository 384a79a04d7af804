package scot.goldenthread.plans;

import scot.goldenthread.SignedIn;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
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

	long id(String code) {
		return this.catalogue.plan(code).orElseThrow().id();
	}

	@Test
	void listsPlansWithTheirCodeTitleTypeDatesAndStatus() throws Exception {
		this.mvc.perform(get("/api/plans"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItems("LOIP-2024-34", "CSP-2021-24", "PPL-2022-23")))
			.andExpect(jsonPath("$[?(@.code == 'LOIP-2024-34')].type").value("loip"))
			.andExpect(jsonPath("$[?(@.code == 'LOIP-2024-34')].start").value("2024-04-01"))
			.andExpect(jsonPath("$[?(@.code == 'LOIP-2024-34')].end").value("2034-03-31"))
			.andExpect(jsonPath("$[?(@.code == 'LOIP-2024-34')].status").value("approved"));
	}

	@Test
	void aPlanHasItsElementTreeWithAlignments() throws Exception {
		long loip = id("LOIP-2024-34");
		this.mvc.perform(get("/api/plans/{id}", id("CSP-2021-24")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value("CSP-2021-24"))
			.andExpect(jsonPath("$.elements[0].kind").value("vision"))
			.andExpect(jsonPath("$.elements[0].children", hasSize(5)))
			.andExpect(jsonPath("$.elements[0].children[0].title").value("A Good Childhood"))
			.andExpect(jsonPath("$.elements[0].children[0].alignedTo", hasSize(2)))
			.andExpect(jsonPath("$.elements[0].children[0].children[0].children[0].kind").value("action"));
		this.mvc.perform(get("/api/plans/{id}", loip))
			.andExpect(jsonPath("$.elements[0].children[0].alignedToNationalOutcomes", hasItems("health", "poverty")));
	}

	@Test
	void exportsInEachFormatWithItsContentTypeAndFileName() throws Exception {
		long ppl = id("PPL-2022-23");
		this.mvc.perform(get("/api/plans/{id}/export?format=json", ppl))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/json"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"PPL-2022-23.json\""))
			.andExpect(jsonPath("$.format").value("golden-thread/plan@1"));
		this.mvc.perform(get("/api/plans/{id}/export?format=yaml", ppl))
			.andExpect(content().contentType("application/yaml"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("code: PPL 22 55")));
		MvcResult xlsx = this.mvc.perform(get("/api/plans/{id}/export?format=xlsx", ppl)).andExpect(status().isOk()).andReturn();
		try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
			assertThat(book.getSheet("Plan")).isNotNull();
			assertThat(book.getSheet("Priorities").getLastRowNum()).isEqualTo(4);
			assertThat(book.getSheet("Actions").getLastRowNum()).isEqualTo(55);
			assertThat(book.getSheet("Actions").getRow(1).getCell(1).getStringCellValue()).isEqualTo("PPL 22 01");
		}
		this.mvc.perform(get("/api/plans/{id}/export?format=pdf", ppl))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("format must be json, yaml or xlsx"));
	}

	@Test
	void importAnswers201WithTheNewIdOr400WithTheErrors() throws Exception {
		byte[] file = PlanImportTests.VALID.replace("TEST-PLAN", "API-PLAN").getBytes(StandardCharsets.UTF_8);
		MvcResult created = this.mvc.perform(multipart("/api/plans/import").file(new MockMultipartFile("file", "plan.yaml", "application/yaml", file)).with(SignedIn.as(this.users, "admin")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber())
			.andReturn();
		long id = Long.parseLong(created.getResponse().getContentAsString().replaceAll("\\D", ""));
		assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/plans/" + id);

		this.mvc.perform(multipart("/api/plans/import").file(new MockMultipartFile("file", "plan.yaml", "application/yaml", file)).with(SignedIn.as(this.users, "admin")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].where").value("plan"))
			.andExpect(jsonPath("$.errors[0].field").value("code"))
			.andExpect(jsonPath("$.errors[0].reason").value("a plan with code 'API-PLAN' already exists"));
		this.mvc.perform(multipart("/api/plans/import").file(new MockMultipartFile("file", "plan.txt", "text/plain", file)).with(SignedIn.as(this.users, "admin")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("format"));
		this.mvc.perform(multipart("/api/plans/import").file(new MockMultipartFile("file", "plan.xlsx", "application/octet-stream", file)).with(SignedIn.as(this.users, "admin")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].reason").value("is not an Excel workbook (.xlsx) that can be read"));

		this.mvc.perform(delete("/api/plans/{id}", id).with(SignedIn.as(this.users, "admin"))).andExpect(status().isNoContent());
		this.mvc.perform(get("/api/plans/{id}", id))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.detail").value("There is no plan " + id));
	}

	@Test
	void aPlanThatOtherPlansServeIsNotDeleted() throws Exception {
		long loip = id("LOIP-2024-34");
		this.mvc.perform(delete("/api/plans/{id}", loip).with(SignedIn.as(this.users, "admin")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Plan LOIP-2024-34 cannot be deleted: plans [CSP-2021-24, PPL-2022-23] are aligned to it. Remove those alignments first."));
		assertThat(this.catalogue.tree(loip)).isPresent();
	}

	@Test
	void aDraftPlanIsSeenOnlyByThoseWhoMaySeeWhatIsNotYetPublished() throws Exception {
		String yaml = PlanImportTests.VALID.replace("TEST-PLAN", "DRAFT-PLAN");
		long id = this.catalogue.importFile(new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), PlanFormat.YAML);
		try {
			assertThat(this.catalogue.plan(id).orElseThrow().status()).isEqualTo(PlanStatus.DRAFT);
			this.mvc.perform(get("/plans/{id}", id).accept(org.springframework.http.MediaType.TEXT_HTML))
				.andExpect(status().isNotFound());
			this.mvc.perform(get("/api/plans"))
				.andExpect(content()
					.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("DRAFT-PLAN"))));
			this.mvc.perform(get("/plans/{id}", id).accept(org.springframework.http.MediaType.TEXT_HTML)
				.with(SignedIn.as(this.users, "committee.member")))
				.andExpect(status().isOk());
		}
		finally {
			this.catalogue.delete(id);
		}
	}

	@Test
	void badRequestsGetJsonErrorsWithoutStackTraces() throws Exception {
		this.mvc.perform(get("/api/plans/not-a-number"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("at org."))));
		this.mvc.perform(multipart("/api/plans/import").with(SignedIn.as(this.users, "admin")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"));
	}

	@Test
	void theGoldenThreadOfAnElementRunsUpToNationalOutcomesAndDown() throws Exception {
		PlanTree ppl = this.catalogue.tree(id("PPL-2022-23")).orElseThrow();
		PlanElement shout = ppl.ofKind(ElementKind.ACTION).stream().filter((a) -> a.code().equals("PPL 22 19")).findFirst().orElseThrow();
		this.mvc.perform(get("/api/plans/{p}/elements/{e}/thread", ppl.plan().id(), shout.id()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.up[?(@.planCode == 'LOIP-2024-34')].entries[*].code", hasItems("V", "WB", "WB-A3")))
			.andExpect(jsonPath("$.nationalOutcomes[*].code", hasItems("health", "poverty", "children-and-young-people")));
	}

}
