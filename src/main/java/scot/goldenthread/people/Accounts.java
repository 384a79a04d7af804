package scot.goldenthread.people;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.shared.Commands;

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

	private final AccountRepository repository;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	Accounts(AccountRepository repository, PasswordEncoder passwords, AuditLog audit) {
		this.repository = repository;
		this.passwords = passwords;
		this.audit = audit;
	}

	public List<Account> all() {
		return this.repository.all();
	}

	public Optional<Account> byUsername(String username) {
		return this.repository.byUsername(username);
	}

	public Optional<Account> byId(long id) {
		return this.repository.byId(id);
	}

	Optional<Account> byEmail(String email) {
		return this.repository.byEmail(email);
	}

	Optional<String> passwordHash(String username) {
		return this.repository.passwordHash(username);
	}

	/** The details a person is known by, stripped, blank as none; the password, if any, is set apart. */
	public record Details(
			@NotNull(message = USERNAME) @Pattern(regexp = "[a-z0-9._-]{2,60}", message = USERNAME) String username,
			@NotNull(message = NAME) @Size(max = 200, message = NAME) String displayName,
			@Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "Enter an email address like name@example.gov.scot") String email,
			@Size(max = 200, message = "Enter a job title of up to 200 characters") String jobTitle, Long partnerId) {

		static final String USERNAME = "Enter a username of 2 to 60 lower-case letters, digits, dots, dashes or underscores";

		static final String NAME = "Enter the person's name, up to 200 characters";

		public Details {
			username = Commands.typed(username);
			displayName = Commands.typed(displayName);
			email = Commands.typed(email);
			jobTitle = Commands.typed(jobTitle);
		}

	}

	@Transactional
	public long create(Details details, String password) {
		if (byUsername(details.username()).isPresent()) {
			throw new AccountException("username", "There is already an account called " + details.username());
		}
		checkEmailFree(details.email(), null);
		long id = this.repository.insert(details, (password != null) ? hash(password) : null);
		this.audit.created("account", id, "Created the account " + details.username(), byId(id).orElseThrow());
		return id;
	}

	@Transactional
	public void update(long id, Details details, boolean enabled) {
		Account before = byId(id).orElseThrow();
		checkEmailFree(details.email(), id);
		this.repository.update(id, details, enabled);
		this.audit.updated("account", id, "Changed the account " + before.username(), before, byId(id).orElseThrow());
	}

	/** An administrator sets a new password and unlocks the account. */
	@Transactional
	public void resetPassword(long id, String password) {
		Account account = byId(id).orElseThrow();
		this.repository.resetPassword(id, hash(password));
		this.audit.updated("account", id, "Reset the password of " + account.username(), null, null);
	}

	@Transactional
	public void changePassword(String username, String current, String replacement) {
		String hash = passwordHash(username).orElseThrow(() -> new AccountException("current", "This account signs in through single sign-on"));
		if (!this.passwords.matches(current, hash)) {
			throw new AccountException("current", "Your current password is not right");
		}
		Account account = byUsername(username).orElseThrow();
		this.repository.setPassword(account.id(), hash(replacement));
		this.audit.updated("account", account.id(), account.username() + " changed their password", null, null);
	}

	@Transactional
	public void unlock(long id) {
		Account before = byId(id).orElseThrow();
		this.repository.unlock(id);
		this.audit.updated("account", id, "Unlocked the account " + before.username(), before, byId(id).orElseThrow());
	}

	/** Counts a failed sign-in; enough in a row lock the account for a while. */
	@Transactional
	void signInFailed(String username) {
		int failures = this.repository.signInFailed(username, FAILURES_BEFORE_LOCK, LOCK);
		if (failures == FAILURES_BEFORE_LOCK) {
			Account account = byUsername(username).orElseThrow();
			this.audit.updated("account", account.id(), "Locked the account " + username + " after " + failures
					+ " failed sign-ins in a row", null, account);
		}
	}

	void signedIn(String username) {
		this.repository.signedIn(username);
	}

	public List<Grant> grants(long accountId) {
		return this.repository.grants(accountId);
	}

	/** The names and codes, lower case, of the partnerships where the account contributes or more: the groups it leads with. */
	Set<String> groupsOf(long accountId) {
		return this.repository.groupsOf(accountId);
	}

	/** Every grant of the role, by the account holding it. */
	Map<Long, List<Grant>> grantsOf(Role role) {
		return this.repository.grantsOf(role);
	}

	@Transactional
	public void grant(long accountId, Role role, Long partnershipId, Long planId) {
		Account account = byId(accountId).orElseThrow();
		long id = this.repository.insertGrant(accountId, role, partnershipId, planId);
		this.audit.created("role-grant", id, "Gave " + account.username() + " the role " + role.label(),
				new Grant(id, role, partnershipId, planId));
	}

	@Transactional
	public void revoke(long accountId, long grantId) {
		Account account = byId(accountId).orElseThrow();
		Grant grant = grants(accountId).stream().filter((g) -> g.id() == grantId).findFirst().orElseThrow();
		this.repository.deleteGrant(grantId);
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
