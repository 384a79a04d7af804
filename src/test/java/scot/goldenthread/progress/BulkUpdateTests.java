package scot.goldenthread.progress;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A lead updates all their actions for a period at once, on one page or through a workbook, with the same checks as one alone. */
@SpringBootTest
@AutoConfigureMockMvc
class BulkUpdateTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ProgressUpdates updates;

	@Test
	void onOnePageEveryActionIsCheckedBesideItsFieldsAndNothingIsSavedUntilAllAreRight() throws Exception {
		Fixtures.World world = this.fixtures.world();
		long period = world.open().id();
		long a1 = world.element("A1").id();
		long a2 = world.element("A2").id();
		String page = page(world, period);
		assertThat(page).contains("Update all your actions", "Open nurture groups in every school", "Offer family learning in every locality")
			.doesNotContain("Publish the attainment gap by locality");

		String refused = this.mvc.perform(post("/my-updates/periods/{p}", period).with(csrf()).with(SignedIn.as(this.users, world.lead()))
			.param("progress-" + a1, "lots").param("assessment-" + a1, "on-track").param("note-" + a1, "Two more schools.")
			.param("progress-" + a2, "45").param("assessment-" + a2, "").param("note-" + a2, "Sessions booked.")
			.param("action", "submit").accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("There is a problem", "id=\"progress-" + a1 + "-error\"", "A1: Enter progress as a whole number");
		assertThat(this.updates.update(a2, period)).isEmpty();

		this.mvc.perform(post("/my-updates/periods/{p}", period).with(csrf()).with(SignedIn.as(this.users, world.lead()))
			.param("progress-" + a1, "60").param("assessment-" + a1, "on-track").param("note-" + a1, "Two more schools.")
			.param("progress-" + a2, "45").param("assessment-" + a2, "").param("note-" + a2, "Sessions booked.")
			.param("action", "submit"))
			.andExpect(redirectedUrl("/my-updates"))
			.andExpect((r) -> assertThat(r.getFlashMap().get("done")).isEqualTo("2 updates submitted for approval."));
		assertThat(this.updates.update(a1, period).orElseThrow().state()).isEqualTo(UpdateState.SUBMITTED);
		assertThat(this.updates.update(a2, period).orElseThrow().progress()).isEqualTo(45);
	}

	@Test
	void aWorkbookIsFilledInOfflineAndEachBadRowIsNamedBySheetRowAndColumn() throws Exception {
		Fixtures.World world = this.fixtures.world();
		long period = world.period("Quarter 4", -1, 10, 20).id();
		long a1 = world.element("A1").id();
		long a2 = world.element("A2").id();
		byte[] blank = this.mvc.perform(get("/my-updates/periods/{p}/workbook", period).with(SignedIn.as(this.users, world.lead())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		byte[] filled = edit(blank, (sheet) -> {
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("A1");
			fill(sheet.getRow(1), 70, "On track", "Six schools now.");
			fill(sheet.getRow(2), 150, "At risk", "Behind.");
		});

		String all = upload(world, period, filled, "all");
		assertThat(all).contains("Nothing was saved", "sheet Updates, row 3", "Progress (%)", "Progress must be a whole number from 0 to 100");
		assertThat(this.updates.update(a1, period)).isEmpty();

		String valid = upload(world, period, filled, "valid");
		assertThat(valid).contains("1 update submitted for approval", "The rows below were not taken", "sheet Updates, row 3");
		assertThat(this.updates.update(a1, period).orElseThrow().note()).isEqualTo("Six schools now.");
		assertThat(this.updates.update(a2, period)).isEmpty();

		// a row someone changed after the workbook was downloaded is refused with whose version it is
		this.mvc.perform(put("/api/actions/{a}/updates/{p}", a2, period).with(SignedIn.as(this.users, world.owner()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"progress\": 25, \"note\": \"The owner's words.\"}"))
			.andExpect(status().isOk());
		String clash = upload(world, period, edit(blank, (sheet) -> fill(sheet.getRow(2), 30, "On track", "Mine.")), "valid");
		assertThat(clash).contains("sheet Updates, row 3", world.owner() + " changed this update");
		assertThat(this.updates.update(a2, period).orElseThrow().note()).isEqualTo("The owner's words.");

		assertThat(upload(world, period, "not a workbook".getBytes(StandardCharsets.UTF_8), "all"))
			.contains("mine.xlsx", "this is not an Excel workbook (.xlsx) that can be read");
	}

	private String upload(Fixtures.World world, long period, byte[] workbook, String keep) throws Exception {
		return this.mvc.perform(multipart("/my-updates/periods/{p}/workbook", period).file(new MockMultipartFile("file", "mine.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook))
			.param("keep", keep).param("action", "submit").with(csrf()).with(SignedIn.as(this.users, world.lead())).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static void fill(Row row, int progress, String assessment, String note) {
		row.getCell(5).setCellValue(progress);
		row.getCell(6).setCellValue(assessment);
		row.getCell(7).setCellValue(note);
	}

	private static byte[] edit(byte[] workbook, Consumer<Sheet> change) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			change.accept(book.getSheet("Updates"));
			book.write(out);
			return out.toByteArray();
		}
	}

	private String page(Fixtures.World world, long period) throws Exception {
		return this.mvc.perform(get("/my-updates/periods/{p}", period).with(SignedIn.as(this.users, world.lead())).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
