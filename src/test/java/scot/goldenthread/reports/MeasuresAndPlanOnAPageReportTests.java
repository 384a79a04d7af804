package scot.goldenthread.reports;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import scot.goldenthread.plans.PlanCatalogue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The LOIP's dashboard measures and its plan on a page, as files read back with the libraries that read them. */
@SpringBootTest
@AutoConfigureMockMvc
class MeasuresAndPlanOnAPageReportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanCatalogue plans;

	long loip() {
		return this.plans.plan("LOIP-2024-34").orElseThrow().id();
	}

	byte[] file(String report, String format, String contentType) throws Exception {
		return this.mvc.perform(get("/api/reports/" + report).param("plan", String.valueOf(loip())).param("format", format))
			.andExpect(status().isOk()).andExpect(header().string("Content-Type", containsString(contentType)))
			.andReturn().getResponse().getContentAsByteArray();
	}

	@Test
	void theMeasuresReportHasEachDashboardMeasureWithItsFiguresAndChart() throws Exception {
		List<CsvRecord> csv = CsvReader.builder().ofCsvRecord(new StringReader(new String(file("measures", "csv", "text/csv"),
				StandardCharsets.UTF_8))).stream().toList();
		// the LOIP's 34 dashboard measures, under their three outcomes
		assertThat(csv).hasSize(35);
		assertThat(csv.get(0).getFields()).startsWith("Pillar", "Code", "Measure", "Latest", "Period", "Target", "Status", "Trend");
		CsvRecord workless = csv.stream().filter((r) -> r.getField(1).equals("LOIP-ES-03")).findFirst().orElseThrow();
		assertThat(workless.getField(3)).isEqualTo("27%");
		assertThat(workless.getField(8)).isEqualTo("Worse");
		try (PDDocument pdf = Loader.loadPDF(file("measures", "pdf", "application/pdf"))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("Strategic outcome - Economy and Skills", "LOIP-ES-03", "Key:");
			// the charts are pictures on the pages
			int pictures = 0;
			for (var page : pdf.getPages()) {
				for (var name : page.getResources().getXObjectNames()) {
					pictures += (page.getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) ? 1 : 0;
				}
			}
			// one for each of the 20 LOIP measures with a value: 16 published, 4 from the seeds
			assertThat(pictures).isEqualTo(20);
		}
		try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(file("measures", "docx", "wordprocessingml")))) {
			assertThat(docx.getTables()).hasSize(3);
			assertThat(docx.getAllPictures()).isNotEmpty();
		}
		try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(file("measures", "xlsx", "spreadsheetml")))) {
			assertThat(xlsx.getSheet("Measures").getLastRowNum()).isEqualTo(34);
		}
		this.mvc.perform(get("/plans/{id}/measures-report", loip()).accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("/measures/LOIP-ES-03/chart.svg")));
	}

	@Test
	void thePlanOnAPageComesAsPdfAndWord() throws Exception {
		try (PDDocument pdf = Loader.loadPDF(file("plan-on-a-page", "pdf", "application/pdf"))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("Our Vision: Working together to reduce inequality",
					"Wellbeing", "Develop local transport solutions.");
		}
		try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(file("plan-on-a-page", "docx", "wordprocessingml")))) {
			assertThat(docx.getTables().get(0).getRow(1).getTableCells()).hasSize(3);
			assertThat(docx.getTables().get(0).getText()).contains("Economy and Skills", "Develop local transport solutions.");
		}
		this.mvc.perform(get("/api/reports/plan-on-a-page").param("plan", String.valueOf(loip())).param("format", "csv"))
			.andExpect(status().isBadRequest());
	}

}
