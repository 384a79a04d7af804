package scot.goldenthread.progress;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
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
		ReportingPeriod quarter = world.period("Quarter 3", -5, 3, 10);
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

		// the same day twice, and a day with nothing due, send nothing more
		this.reminders.send(today);
		this.reminders.send(today.plusDays(1));
		assertThat(to(lead)).hasSize(1);
		this.reminders.send(today.plusDays(3));
		assertThat(to(lead)).hasSize(2).last().satisfies((message) -> assertThat(message.getSubject()).startsWith("Due today: "));
		// a day after the deadline the lead again; three days after, the plan's owner is told who still owes what
		this.reminders.send(today.plusDays(4));
		assertThat(to(lead)).hasSize(3).last().satisfies((message) -> assertThat(message.getSubject()).startsWith("Overdue since "));
		String owner = world.owner() + "@fixtures.example";
		assertThat(subjects(owner, "Still owed: ")).isEmpty();
		this.reminders.send(today.plusDays(6));
		this.reminders.send(today.plusDays(6));
		assertThat(subjects(owner, "Still owed: ")).singleElement().asString().endsWith(" updates for Quarter 3 (" + world.plan().title() + ")");
		assertThat(to(owner).stream().filter((m) -> subject(m).startsWith("Still owed: ")).findFirst().map(GreenMailUtil::getBody).orElseThrow())
			.contains("- A3 Publish the attainment gap by locality (not begun; " + world.element("A3").leads().get(0) + ")")
			.contains("/plans/" + world.plan().id() + "/cockpit?period=" + quarter.id());
		assertThat(to(lead)).hasSize(3);
		// the weekly digest goes to the owner on its day, once
		LocalDate monday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
		this.reminders.send(monday);
		this.reminders.send(monday);
		assertThat(subjects(owner, "Weekly digest: ")).hasSize(1);
		assertThat(subjects(lead, "Weekly digest: ")).isEmpty();
		assertThat(to(lead)).hasSize(3);
		// each was recorded against its period, for the owner's cockpit
		assertThat(this.reminders.sent(world.open())).isEmpty();
		assertThat(this.cockpitReminders(world, quarter)).contains("Before the deadline", "On the deadline", "After the deadline", "To the plan owner");

		this.mvc.perform(get("/my-updates").accept(MediaType.TEXT_HTML).with(SignedIn.as(this.users, world.otherLead())))
			.andExpect(content().string(containsString("Still to do")))
			.andExpect(content().string(containsString("Publish the attainment gap by locality")))
			.andExpect(content().string(not(containsString("Open nurture groups in every school"))));
	}

	private String cockpitReminders(Fixtures.World world, ReportingPeriod quarter) throws Exception {
		return this.mvc.perform(get("/plans/{p}/cockpit", world.plan().id()).param("period", String.valueOf(quarter.id()))
			.accept(MediaType.TEXT_HTML).with(SignedIn.as(this.users, world.owner()))).andReturn().getResponse().getContentAsString();
	}

	private static List<String> subjects(String address, String start) throws Exception {
		return to(address).stream().map(ReminderTests::subject).filter((s) -> s.startsWith(start)).toList();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
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
