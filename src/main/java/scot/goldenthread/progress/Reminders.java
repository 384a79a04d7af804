package scot.goldenthread.progress;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import scot.goldenthread.people.Access;
import scot.goldenthread.people.Account;
import scot.goldenthread.people.Accounts;
import scot.goldenthread.people.Scope;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Reminders that escalate. Each lead who still owes updates is emailed {@code days-before} a period's deadline,
 * on the day, and on each of {@code days-after} it; {@code escalate-after} days past it the plans' owners are sent
 * who still owes what; each owner gets a weekly digest of what waits for them on {@code digest-day}; and an owner
 * can remind a period's leads from the cockpit. Every one is recorded, and none goes twice to the same person
 * for the same thing on the same day, however often this runs. Without SMTP settings ({@code spring.mail.host})
 * no email can go and none is sent or recorded.
 */
@Service
public class Reminders {

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy");

	private final Workload workload;

	private final Accounts accounts;

	private final Access access;

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> mail;

	private final Settings settings;

	private final Clock clock;

	/** When reminders go, from the application's settings. */
	record Settings(int daysBefore, List<Integer> daysAfter, int escalateAfter, DayOfWeek digestDay, String from, String siteUrl) {
	}

	Reminders(Workload workload, Accounts accounts, Access access, JdbcClient jdbc, ObjectProvider<JavaMailSender> mail,
			@Value("${goldenthread.reminders.days-before:3}") int daysBefore,
			@Value("${goldenthread.reminders.days-after:1,7}") List<Integer> daysAfter,
			@Value("${goldenthread.reminders.escalate-after:3}") int escalateAfter,
			@Value("${goldenthread.reminders.digest-day:MONDAY}") DayOfWeek digestDay,
			@Value("${goldenthread.reminders.from:golden-thread@localhost}") String from,
			@Value("${goldenthread.site-url:http://localhost:8080}") String siteUrl, Clock clock) {
		this.workload = workload;
		this.accounts = accounts;
		this.access = access;
		this.jdbc = jdbc;
		this.mail = mail;
		this.settings = new Settings(daysBefore, daysAfter, escalateAfter, digestDay, from, siteUrl);
		this.clock = clock;
	}

	/** A reminder as recorded: to whom, of what kind, on which day. */
	public record Sent(String recipient, String kind, LocalDate sentOn, String subject) {

		public String kindLabel() {
			return switch (this.kind) {
				case "before-deadline" -> "Before the deadline";
				case "on-deadline" -> "On the deadline";
				case "after-deadline" -> "After the deadline";
				case "escalation" -> "To the plan owner";
				case "manual" -> "Sent by the plan owner";
				default -> "Weekly digest";
			};
		}

	}

	@Scheduled(cron = "${goldenthread.reminders.cron:0 0 8 * * *}")
	// once for all instances; at least five minutes held, so an instance whose clock is behind does not run it again
	@SchedulerLock(name = "reminders", lockAtLeastFor = "PT5M")
	void daily() {
		send(LocalDate.now(this.clock));
	}

	/** Sends what is due today; answers how many emails went. */
	public int send(LocalDate today) {
		JavaMailSender sender = sender();
		if (sender == null) {
			return 0;
		}
		int sent = 0;
		List<Workload.Item> open = this.workload.open(today);
		List<Account> people = this.accounts.all().stream().filter((a) -> a.email() != null && a.enabled()).toList();
		for (Account account : people) {
			for (var owed : byPeriod(this.workload.of(account, open).stream().filter(Workload.Item::owed).toList()).entrySet()) {
				String kind = leadsKind(owed.getKey(), today);
				if (kind != null && send(sender, account, owed.getKey(), kind, today, toLead(account, owed.getKey(), owed.getValue(), kind, today))) {
					sent++;
				}
			}
		}
		for (var owed : byPeriod(open.stream().filter(Workload.Item::owed).toList()).entrySet()) {
			ReportingPeriod period = owed.getKey();
			if (ChronoUnit.DAYS.between(period.deadline(), today) == this.settings.escalateAfter()) {
				for (Account owner : this.access.owners(owed.getValue().get(0).scope())) {
					if (owner.email() != null && send(sender, owner, period, "escalation", today, toOwner(owner, period, owed.getValue()))) {
						sent++;
					}
				}
			}
		}
		if (today.getDayOfWeek() == this.settings.digestDay()) {
			sent += digests(sender, open, today);
		}
		return sent;
	}

	/** The plan owner reminds the period's leads who still owe updates, or the one lead named; answers how many emails went. */
	public int remindNow(ReportingPeriod period, String lead, LocalDate today) {
		JavaMailSender sender = sender();
		if (sender == null) {
			return 0;
		}
		List<Workload.Item> owed = this.workload.of(List.of(period)).stream().filter(Workload.Item::owed)
			.filter((i) -> lead == null || i.leads().contains(lead)).toList();
		int sent = 0;
		for (Account account : this.accounts.all()) {
			List<Workload.Item> theirs = (account.email() != null && account.enabled()) ? this.workload.of(account, owed) : List.of();
			if (!theirs.isEmpty() && send(sender, account, period, "manual", today, toLead(account, period, theirs, "manual", today))) {
				sent++;
			}
		}
		return sent;
	}

	/** Whether email can go at all. */
	public boolean canSend() {
		return this.mail.getIfAvailable() != null;
	}

	/** Every reminder sent for the period, latest first. */
	public List<Sent> sent(ReportingPeriod period) {
		return this.jdbc.sql("""
				select a.display_name as recipient, r.kind, r.sent_on, r.subject from reminder r join account a on a.id = r.account_id
				where r.period_id = ? order by r.sent_at desc, r.id desc""")
			.param(period.id()).query(Sent.class).list();
	}

	private JavaMailSender sender() {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			log.info("No SMTP server is configured (spring.mail.host): reminders were not sent");
		}
		return sender;
	}

	/** What the lead is sent today for a period, if anything. */
	private String leadsKind(ReportingPeriod period, LocalDate today) {
		long past = ChronoUnit.DAYS.between(period.deadline(), today);
		return (past == -this.settings.daysBefore()) ? "before-deadline" : (past == 0) ? "on-deadline"
				: this.settings.daysAfter().contains((int) past) ? "after-deadline" : null;
	}

	private int digests(JavaMailSender sender, List<Workload.Item> open, LocalDate today) {
		Map<Scope, List<Account>> owners = new LinkedHashMap<>();
		open.forEach((i) -> owners.computeIfAbsent(i.scope(), this.access::owners));
		Map<Account, List<Workload.Item>> theirs = new LinkedHashMap<>();
		open.forEach((i) -> owners.get(i.scope()).forEach((o) -> theirs.computeIfAbsent(o, (k) -> new ArrayList<>()).add(i)));
		int sent = 0;
		for (var owner : theirs.entrySet()) {
			List<Workload.Item> waiting = owner.getValue().stream().filter((i) -> i.update() != null && i.update().state() == UpdateState.SUBMITTED)
				.toList();
			long owed = owner.getValue().stream().filter(Workload.Item::owed).count();
			if (owner.getKey().email() != null && (!waiting.isEmpty() || owed > 0)
					&& send(sender, owner.getKey(), null, "digest", today, digest(owner.getKey(), waiting, owed))) {
				sent++;
			}
		}
		return sent;
	}

	/** Records the reminder and sends it, unless it went today already; one that fails to go is not kept as sent. */
	private boolean send(JavaMailSender sender, Account to, ReportingPeriod period, String kind, LocalDate today, SimpleMailMessage message) {
		Long id = this.jdbc.sql("""
				insert into reminder (account_id, period_id, kind, sent_on, subject) values (?, ?, ?, ?, ?)
				on conflict do nothing returning id""")
			.params(to.id(), (period != null) ? period.id() : null, kind, today, message.getSubject()).query(Long.class).optional().orElse(null);
		if (id == null) {
			return false;
		}
		try {
			sender.send(message);
			return true;
		}
		catch (MailException ex) {
			log.warn("A reminder to {} could not be sent: {}", to.email(), ex.getMessage());
			this.jdbc.sql("delete from reminder where id = ?").param(id).update();
			return false;
		}
	}

	private static Map<ReportingPeriod, List<Workload.Item>> byPeriod(List<Workload.Item> items) {
		return items.stream().collect(Collectors.groupingBy(Workload.Item::period, LinkedHashMap::new, Collectors.toList()));
	}

	private SimpleMailMessage toLead(Account account, ReportingPeriod period, List<Workload.Item> owed, String kind, LocalDate today) {
		String plan = owed.get(0).tree().plan().title();
		String due = switch (kind) {
			case "on-deadline" -> "Due today: ";
			case "after-deadline" -> "Overdue since " + DAY.format(period.deadline()) + ": ";
			case "manual" -> "Reminder from the plan owner: ";
			default -> "Due " + DAY.format(period.deadline()) + ": ";
		};
		StringBuilder text = new StringBuilder("Dear ").append(account.displayName()).append(",\n\n")
			.append("Your updates for ").append(period.name()).append(" of ").append(plan)
			.append(period.deadline().isBefore(today) ? " were due on " : " are due on ")
			.append(DAY.format(period.deadline())).append(".\n\nStill to submit:\n");
		list(text, owed, false);
		text.append("\nUpdate them at ").append(this.settings.siteUrl()).append("/my-updates\n");
		return message(account, due + count(owed.size(), "update") + " for " + period.name() + " (" + plan + ")", text);
	}

	private SimpleMailMessage toOwner(Account owner, ReportingPeriod period, List<Workload.Item> owed) {
		String plan = owed.get(0).tree().plan().title();
		StringBuilder text = new StringBuilder("Dear ").append(owner.displayName()).append(",\n\n")
			.append(count(owed.size(), "update")).append(" for ").append(period.name()).append(" of ").append(plan)
			.append(" are still owed ").append(this.settings.escalateAfter()).append(" days after the deadline of ")
			.append(DAY.format(period.deadline())).append(". Their leads have been reminded.\n\n");
		list(text, owed, true);
		text.append("\nSee who owes what at ").append(this.settings.siteUrl()).append("/plans/").append(period.planId())
			.append("/cockpit?period=").append(period.id()).append('\n');
		return message(owner, "Still owed: " + count(owed.size(), "update") + " for " + period.name() + " (" + plan + ")", text);
	}

	private SimpleMailMessage digest(Account owner, List<Workload.Item> waiting, long owed) {
		StringBuilder text = new StringBuilder("Dear ").append(owner.displayName()).append(",\n\nThis week in the plans you own:\n\n")
			.append(count(waiting.size(), "update")).append(" waiting for your approval").append(waiting.isEmpty() ? ".\n" : ":\n");
		list(text, waiting, true);
		text.append('\n').append(count((int) owed, "update")).append(" still owed by their leads in the open reporting periods.\n")
			.append("\nReview them at ").append(this.settings.siteUrl()).append("/my-updates\n");
		return message(owner, "Weekly digest: " + count(waiting.size(), "update") + " waiting for you, " + owed + " still owed", text);
	}

	private static void list(StringBuilder text, List<Workload.Item> items, boolean withLeads) {
		items.forEach((i) -> text.append("- ").append(i.code()).append(" ").append(i.title()).append(" (").append(i.stateLabel().toLowerCase())
			.append(withLeads && !i.leads().isEmpty() ? "; " + String.join("; ", i.leads()) : "").append(")\n"));
	}

	private static String count(int n, String what) {
		return n + " " + what + ((n == 1) ? "" : "s");
	}

	private SimpleMailMessage message(Account to, String subject, StringBuilder text) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.settings.from());
		message.setTo(to.email());
		message.setSubject(subject);
		message.setText(text.toString());
		return message;
	}

}
