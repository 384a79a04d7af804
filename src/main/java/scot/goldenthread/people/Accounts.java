package scot.goldenthread.people;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import scot.goldenthread.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People's accounts, their passwords and the roles they hold; every change is audited, no password ever is. */
@Service
public class Accounts {

	/** Sign-in failures in a row that lock an account, and for how long. */
	static final int FAILURES_BEFORE_LOCK = 5;

	static final Duration LOCK = Duration.ofMinutes(15);

	static final int MIN_PASSWORD_LENGTH = 12;

	/** A lock that has run out reads as none, by the database's clock, which also set it. */
	private static final String COLUMNS = """
			select id, username, display_name, email, job_title, partner_id, enabled, failed_sign_ins,
			       case when locked_until > now() then locked_until end locked_until from account""";

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	Accounts(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.audit = audit;
	}

	public List<Account> all() {
		return this.jdbc.sql(COLUMNS + " order by display_name").query(Account.class).list();
	}

	public Optional<Account> byUsername(String username) {
		return this.jdbc.sql(COLUMNS + " where username = ?").param(username).query(Account.class).optional();
	}

	public Optional<Account> byId(long id) {
		return this.jdbc.sql(COLUMNS + " where id = ?").param(id).query(Account.class).optional();
	}

	Optional<Account> byEmail(String email) {
		return this.jdbc.sql(COLUMNS + " where lower(email) = lower(?)").param(email).query(Account.class).optional();
	}

	Optional<String> passwordHash(String username) {
		return this.jdbc.sql("select password_hash from account where username = ? and password_hash is not null")
			.param(username).query(String.class).optional();
	}

	/** The details a person is known by; the password, if any, is set apart. */
	public record Details(String username, String displayName, String email, String jobTitle, Long partnerId) {
	}

	@Transactional
	public long create(Details details, String password) {
		if (byUsername(details.username()).isPresent()) {
			throw new AccountException("username", "There is already an account called " + details.username());
		}
		checkEmailFree(details.email(), null);
		long id = this.jdbc.sql("""
				insert into account (username, display_name, email, job_title, partner_id, password_hash)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(details.username(), details.displayName(), details.email(), details.jobTitle(), details.partnerId(),
					(password != null) ? hash(password) : null)
			.query(Long.class).single();
		this.audit.created("account", id, "Created the account " + details.username(), byId(id).orElseThrow());
		return id;
	}

	@Transactional
	public void update(long id, Details details, boolean enabled) {
		Account before = byId(id).orElseThrow();
		checkEmailFree(details.email(), id);
		this.jdbc.sql("update account set display_name = ?, email = ?, job_title = ?, partner_id = ?, enabled = ? where id = ?")
			.params(details.displayName(), details.email(), details.jobTitle(), details.partnerId(), enabled, id).update();
		this.audit.updated("account", id, "Changed the account " + before.username(), before, byId(id).orElseThrow());
	}

	/** An administrator sets a new password and unlocks the account. */
	@Transactional
	public void resetPassword(long id, String password) {
		Account account = byId(id).orElseThrow();
		this.jdbc.sql("update account set password_hash = ?, failed_sign_ins = 0, locked_until = null where id = ?")
			.params(hash(password), id).update();
		this.audit.updated("account", id, "Reset the password of " + account.username(), null, null);
	}

	@Transactional
	public void changePassword(String username, String current, String replacement) {
		String hash = passwordHash(username).orElseThrow(() -> new AccountException("current", "This account signs in through single sign-on"));
		if (!this.passwords.matches(current, hash)) {
			throw new AccountException("current", "Your current password is not right");
		}
		Account account = byUsername(username).orElseThrow();
		this.jdbc.sql("update account set password_hash = ? where id = ?").params(hash(replacement), account.id()).update();
		this.audit.updated("account", account.id(), account.username() + " changed their password", null, null);
	}

	@Transactional
	public void unlock(long id) {
		Account before = byId(id).orElseThrow();
		this.jdbc.sql("update account set failed_sign_ins = 0, locked_until = null where id = ?").param(id).update();
		this.audit.updated("account", id, "Unlocked the account " + before.username(), before, byId(id).orElseThrow());
	}

	/** Counts a failed sign-in; enough in a row lock the account for a while. */
	@Transactional
	void signInFailed(String username) {
		int failures = this.jdbc.sql("""
				update account set failed_sign_ins = failed_sign_ins + 1,
				locked_until = case when failed_sign_ins + 1 >= ? then now() + ? * interval '1 second' else locked_until end
				where username = ? returning failed_sign_ins""")
			.params(FAILURES_BEFORE_LOCK, LOCK.toSeconds(), username)
			.query(Integer.class).optional().orElse(0);
		if (failures == FAILURES_BEFORE_LOCK) {
			Account account = byUsername(username).orElseThrow();
			this.audit.updated("account", account.id(), "Locked the account " + username + " after " + failures
					+ " failed sign-ins in a row", null, account);
		}
	}

	void signedIn(String username) {
		this.jdbc.sql("update account set failed_sign_ins = 0 where username = ? and failed_sign_ins > 0").param(username).update();
	}

	public List<Grant> grants(long accountId) {
		return this.jdbc.sql("select id, role, partnership_id, plan_id from role_grant where account_id = ? order by role, id")
			.param(accountId)
			.query((rs, n) -> new Grant(rs.getLong("id"), Role.of(rs.getString("role")).orElseThrow(),
					(Long) rs.getObject("partnership_id"), (Long) rs.getObject("plan_id")))
			.list();
	}

	@Transactional
	public void grant(long accountId, Role role, Long partnershipId, Long planId) {
		Account account = byId(accountId).orElseThrow();
		long id = this.jdbc.sql("insert into role_grant (account_id, role, partnership_id, plan_id) values (?, ?, ?, ?) returning id")
			.params(accountId, role.code(), partnershipId, planId).query(Long.class).single();
		this.audit.created("role-grant", id, "Gave " + account.username() + " the role " + role.label(),
				new Grant(id, role, partnershipId, planId));
	}

	@Transactional
	public void revoke(long accountId, long grantId) {
		Account account = byId(accountId).orElseThrow();
		Grant grant = grants(accountId).stream().filter((g) -> g.id() == grantId).findFirst().orElseThrow();
		this.jdbc.sql("delete from role_grant where id = ?").param(grantId).update();
		this.audit.deleted("role-grant", grantId, "Took the role " + grant.role().label() + " from " + account.username(), grant);
	}

	private void checkEmailFree(String email, Long id) {
		if (email != null && byEmail(email).filter((a) -> id == null || a.id() != id).isPresent()) {
			throw new AccountException("email", "Another account has the email address " + email);
		}
	}

	private String hash(String password) {
		if (password.length() < MIN_PASSWORD_LENGTH) {
			throw new AccountException("password", "Enter a password of at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		return this.passwords.encode(password);
	}

}
