package scot.goldenthread.progress;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.audit.TableVersions;
import scot.goldenthread.people.Access;
import scot.goldenthread.shared.FirstLoad;
import scot.goldenthread.plans.PlanCatalogue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The update API alone, the cycle behind it mocked: what a script sends reaches the cycle as typed, the
 * update comes back flat, and a refusal is a 400 naming each field, a clash a 409. The cycle's own rules
 * are WorkflowTests' and UpdateCycleTests'.
 */
@WebMvcTest(ProgressApiController.class)
@WithMockUser
class ProgressApiControllerTests {

	static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-01T10:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ProgressUpdates updates;

	@MockitoBean
	MeasureUpdates measureUpdates;

	@MockitoBean
	PlanCatalogue plans;

	@MockitoBean
	Access access;

	@MockitoBean
	AuditLog audit;

	@MockitoBean
	TableVersions versions;

	@MockitoBean
	FirstLoad firstLoad;

	@Test
	void aSaveReachesTheCycleAsTypedAndAnswersTheUpdateFlat() throws Exception {
		given(this.updates.save(anyLong(), anyLong(), any(), anyBoolean())).willReturn(new ProgressUpdate(1, 5, 9, "End of year", 40, null,
				"Halfway.", List.of(), null, new Workflow(UpdateState.SUBMITTED, null, "cswo", NOW, NOW, null, null, 1)));
		this.mvc.perform(put("/api/actions/5/updates/9").with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"progress\": \"40%\", \"note\": \"Halfway.\", \"version\": 0, \"submit\": true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("submitted"))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.writtenBy").value("cswo"))
			.andExpect(jsonPath("$.workflow").doesNotExist());
		verify(this.updates).save(5, 9, new ProgressUpdates.Draft("40%", null, "Halfway.", null, 0), true);
	}

	@Test
	void aRefusedSaveIsA400NamingEachField() throws Exception {
		given(this.updates.save(anyLong(), anyLong(), any(), anyBoolean()))
			.willThrow(new UpdateRefused("progress", "Progress must be a whole number from 0 to 100"));
		this.mvc.perform(put("/api/actions/5/updates/9").with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"progress\": 101, \"note\": \"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.progress").value("Progress must be a whole number from 0 to 100"));
	}

	@Test
	void aSaveOnTopOfAnotherVersionIsA409() throws Exception {
		given(this.updates.save(anyLong(), anyLong(), any(), anyBoolean()))
			.willThrow(new UpdateConflict("people.director changed this update (draft) after you opened it"));
		this.mvc.perform(put("/api/actions/5/updates/9").with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"progress\": 40, \"note\": \"x\", \"version\": 0}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("Changed by someone else"));
	}

}
