package scot.goldenthread.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import scot.goldenthread.people.Account;
import scot.goldenthread.people.Accounts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Emails each lead who still owes updates a few days before a period's deadline and on the day, once
 * each. Without SMTP settings ({@code spring.mail.host}) no email can go and the reminders are skipped.
 */
@Service
class Reminders {

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy");

	private final Workload workload;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> mail;

	private final int daysBefore;

	private final String from;

	private final String siteUrl;

	private final Clock clock;

	Reminders(Workload workload, Accounts accounts, JdbcClient jdbc, ObjectProvider<JavaMailSender> mail,
			@Value("${goldenthread.reminders.days-before:3}") int daysBefore,
			@Value("${goldenthread.reminders.from:golden-thread@localhost}") String from,
			@Value("${goldenthread.site-url:http://localhost:8080}") String siteUrl, Clock clock) {
		this.workload = workload;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.mail = mail;
		this.daysBefore = daysBefore;
		this.from = from;
		this.siteUrl = siteUrl;
		this.clock = clock;
	}

	@Scheduled(cron = "${goldenthread.reminders.cron:0 0 8 * * *}")
	void daily() {
		send(LocalDate.now(this.clock));
	}

	/** Sends what is due today; answers how many emails went. */
	public int send(LocalDate today) {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			log.info("No SMTP server is configured (spring.mail.host): reminders were not sent");
			return 0;
		}
		int sent = 0;
		List<Workload.Item> open = this.workload.open(today);
		for (Account account : this.accounts.all()) {
			if (account.email() == null || !account.enabled()) {
				continue;
			}
			List<Workload.Item> owed = this.workload.of(account, open).stream().filter(Workload.Item::owed).toList();
			for (var byPeriod : owed.stream().collect(Collectors.groupingBy(Workload.Item::period)).entrySet()) {
				ReportingPeriod period = byPeriod.getKey();
				String kind = period.deadline().equals(today) ? "on-deadline"
						: period.deadline().equals(today.plusDays(this.daysBefore)) ? "before-deadline" : null;
				if (kind != null && firstTime(account, period, kind)) {
					sender.send(message(account, period, byPeriod.getValue(), kind));
					sent++;
				}
			}
		}
		return sent;
	}

	private boolean firstTime(Account account, ReportingPeriod period, String kind) {
		return this.jdbc.sql("insert into reminder_sent (account_id, period_id, kind) values (?, ?, ?) on conflict do nothing")
			.params(account.id(), period.id(), kind).update() == 1;
	}

	private SimpleMailMessage message(Account account, ReportingPeriod period, List<Workload.Item> owed, String kind) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(account.email());
		String plan = owed.get(0).tree().plan().title();
		message.setSubject(("on-deadline".equals(kind) ? "Due today: " : "Due " + DAY.format(period.deadline()) + ": ")
				+ owed.size() + " update" + (owed.size() == 1 ? "" : "s") + " for " + period.name() + " (" + plan + ")");
		StringBuilder text = new StringBuilder("Dear ").append(account.displayName()).append(",\n\n")
			.append("Your updates for ").append(period.name()).append(" of ").append(plan).append(" are due ")
			.append("on-deadline".equals(kind) ? "today, " : "on ").append(DAY.format(period.deadline())).append(".\n\n")
			.append("Still to submit:\n");
		owed.forEach((item) -> text.append("- ").append(item.code()).append(" ").append(item.title())
			.append(" (").append(item.stateLabel().toLowerCase()).append(")\n"));
		text.append("\nUpdate them at ").append(this.siteUrl).append("/my-updates\n");
		message.setText(text.toString());
		return message;
	}

}
