package scot.goldenthread.progress;

import java.time.LocalDate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import scot.goldenthread.SignedIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** Reminders go through a real SMTP server (GreenMail) to the leads who still owe updates, once each. */
@SpringBootTest(properties = { "spring.mail.host=localhost", "spring.mail.port=3025" })
@AutoConfigureMockMvc
class ReminderTests {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	Reminders reminders;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void leadsWithUpdatesDueAreRemindedBeforeTheDeadlineAndOnItOnceEach() throws Exception {
		LocalDate today = LocalDate.now();
		// the demo's end-of-year period is due three days after it loads
		assertThat(this.reminders.send(today)).isEqualTo(10);
		MimeMessage[] sent = mail.getReceivedMessages();
		MimeMessage toPsychologist = null;
		for (MimeMessage message : sent) {
			if (GreenMailUtil.getAddressList(message.getAllRecipients()).equals("psychologist@example.org")) {
				toPsychologist = message;
			}
		}
		assertThat(toPsychologist).isNotNull();
		assertThat(toPsychologist.getSubject()).startsWith("Due ").endsWith(": 5 updates for End of year 2022/23 (People Business Plan 2022-23)");
		assertThat(GreenMailUtil.getBody(toPsychologist)).contains("Dear Principal Educational Psychologist")
			.contains("- PPL 22 17 Identify and extend the range of therapeutic supports").contains("/my-updates");
		assertThat(this.reminders.send(today)).isZero();
		assertThat(this.reminders.send(today.plusDays(1))).isZero();
		assertThat(this.reminders.send(today.plusDays(3))).isEqualTo(10);
		int dueToday = 0;
		for (MimeMessage message : mail.getReceivedMessages()) {
			dueToday += message.getSubject().startsWith("Due today: ") ? 1 : 0;
		}
		assertThat(dueToday).isEqualTo(10);

		this.mvc.perform(get("/my-updates").accept(MediaType.TEXT_HTML).with(SignedIn.as(this.users, "psychologist")))
			.andExpect(content().string(containsString("Still to do")))
			.andExpect(content().string(containsString("PPL 22 48")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("PPL 22 50"))));
	}

}
