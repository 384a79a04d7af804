package scot.goldenthread.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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

	@Autowired
	Fixtures fixtures;

	@Test
	void leadsWithUpdatesDueAreRemindedBeforeTheDeadlineAndOnItOnceEach() throws Exception {
		LocalDate today = LocalDate.now();
		Fixtures.World world = this.fixtures.world();
		String lead = world.lead() + "@fixtures.example";
		world.period("Quarter 3", -5, 3, 10);
		this.reminders.send(today);
		List<MimeMessage> toLead = to(lead);
		assertThat(toLead).singleElement().satisfies((message) -> {
			assertThat(message.getSubject()).startsWith("Due ").endsWith(": 3 updates for Quarter 3 (" + world.plan().title() + ")");
			assertThat(GreenMailUtil.getBody(message)).contains("Dear " + world.element("A1").leads().get(0))
				.contains("- A1 Open nurture groups in every school").contains("- A2 Offer family learning").contains("/my-updates");
		});
		assertThat(to(world.otherLead() + "@fixtures.example")).hasSize(1);
		// the owner and the viewer owe nothing
		assertThat(to(world.owner() + "@fixtures.example")).isEmpty();
		assertThat(to(world.viewer() + "@fixtures.example")).isEmpty();

		this.reminders.send(today);
		this.reminders.send(today.plusDays(1));
		assertThat(to(lead)).hasSize(1);
		this.reminders.send(today.plusDays(3));
		assertThat(to(lead)).hasSize(2).last().satisfies((message) -> assertThat(message.getSubject()).startsWith("Due today: "));

		this.mvc.perform(get("/my-updates").accept(MediaType.TEXT_HTML).with(SignedIn.as(this.users, world.otherLead())))
			.andExpect(content().string(containsString("Still to do")))
			.andExpect(content().string(containsString("Publish the attainment gap by locality")))
			.andExpect(content().string(not(containsString("Open nurture groups in every school"))));
	}

	private static List<MimeMessage> to(String address) throws Exception {
		List<MimeMessage> messages = new ArrayList<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			if (GreenMailUtil.getAddressList(message.getAllRecipients()).equals(address)) {
				messages.add(message);
			}
		}
		return messages;
	}

}
