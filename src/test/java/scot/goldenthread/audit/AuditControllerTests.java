package scot.goldenthread.audit;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import scot.goldenthread.people.Access;
import scot.goldenthread.shared.FirstLoad;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The audit trail's filter form alone, the trail mocked: a date that is not one is named beside its field and nothing is searched. */
@WebMvcTest(AuditController.class)
@WithMockUser(roles = "ADMIN")
class AuditControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AuditLog audit;

	@MockitoBean
	TableVersions versions;

	@MockitoBean
	FirstLoad firstLoad;

	@MockitoBean
	Access access;

	@Test
	void aFilterIsSearchedAsTyped() throws Exception {
		given(this.audit.search(any(), anyInt(), anyInt())).willReturn(List.of());
		this.mvc.perform(get("/admin/audit").param("actor", " admin ").param("from.day", "31").param("from.month", "3").param("from.year", "2023"))
			.andExpect(status().isOk())
			// the pages after keep the dates, as one year-month-day
			.andExpect(content().string(containsString("from=2023-03-31")));
		verify(this.audit).search(new AuditLog.Filter("admin", null, null, LocalDate.of(2023, 3, 31), null), 0, AuditController.PAGE + 1);
	}

	@Test
	void aDateThatIsNotOneIsNamedBesideItsFieldAndNothingIsSearched() throws Exception {
		this.mvc.perform(get("/admin/audit").param("from", "31/03/2023").param("text", "<b>x</b>"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"from-error\""),
					containsString("The first day must be a real date"), containsString("&lt;b&gt;x&lt;/b&gt;"))));
		this.mvc.perform(get("/admin/audit.csv").param("to", "2023-02-30")).andExpect(status().isBadRequest());
		verify(this.audit, never()).search(any(), anyInt(), anyInt());
	}

}
