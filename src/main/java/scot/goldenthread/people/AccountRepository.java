package scot.goldenthread.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts and role grants as the database holds them; who may change them, and the audit trail, are {@link Accounts}'. */
@Repository
class AccountRepository {

	/** A lock that has run out reads as none, by the database's clock, which also set it. */
	private static final String COLUMNS = """
			select id, username, display_name, email, job_title, partner_id, enabled, failed_sign_ins,
			       case when locked_until > now() then locked_until end locked_until from account""";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Account> all() {
		return this.jdbc.sql(COLUMNS + " order by display_name").query(Account.class).list();
	}

	Optional<Account> byUsername(String username) {
		return this.jdbc.sql(COLUMNS + " where username = ?").param(username).query(Account.class).optional();
	}

	Optional<Account> byId(long id) {
		return this.jdbc.sql(COLUMNS + " where id = ?").param(id).query(Account.class).optional();
	}

	Optional<Account> byEmail(String email) {
		return this.jdbc.sql(COLUMNS + " where lower(email) = lower(?)").param(email).query(Account.class).optional();
	}

	Optional<String> passwordHash(String username) {
		return this.jdbc.sql("select password_hash from account where username = ? and password_hash is not null")
			.param(username).query(String.class).optional();
	}

	long insert(Accounts.Details details, String passwordHash) {
		return this.jdbc.sql("""
				insert into account (username, display_name, email, job_title, partner_id, password_hash)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(details.username(), details.displayName(), details.email(), details.jobTitle(), details.partnerId(), passwordHash)
			.query(Long.class).single();
	}

	void update(long id, Accounts.Details details, boolean enabled) {
		this.jdbc.sql("update account set display_name = ?, email = ?, job_title = ?, partner_id = ?, enabled = ? where id = ?")
			.params(details.displayName(), details.email(), details.jobTitle(), details.partnerId(), enabled, id).update();
	}

	void setPassword(long id, String passwordHash) {
		this.jdbc.sql("update account set password_hash = ? where id = ?").params(passwordHash, id).update();
	}

	/** A new password that also unlocks the account, in one statement. */
	void resetPassword(long id, String passwordHash) {
		this.jdbc.sql("update account set password_hash = ?, failed_sign_ins = 0, locked_until = null where id = ?")
			.params(passwordHash, id).update();
	}

	void unlock(long id) {
		this.jdbc.sql("update account set failed_sign_ins = 0, locked_until = null where id = ?").param(id).update();
	}

	/** Counts a failed sign-in, locking the account for {@code lock} once there are {@code failuresBeforeLock} in a row; the count. */
	int signInFailed(String username, int failuresBeforeLock, Duration lock) {
		return this.jdbc.sql("""
				update account set failed_sign_ins = failed_sign_ins + 1,
				locked_until = case when failed_sign_ins + 1 >= ? then now() + ? * interval '1 second' else locked_until end
				where username = ? returning failed_sign_ins""")
			.params(failuresBeforeLock, lock.toSeconds(), username)
			.query(Integer.class).optional().orElse(0);
	}

	void signedIn(String username) {
		this.jdbc.sql("update account set failed_sign_ins = 0 where username = ? and failed_sign_ins > 0").param(username).update();
	}

	List<Grant> grants(long accountId) {
		return this.jdbc.sql("select id, role, partnership_id, plan_id from role_grant where account_id = ? order by role, id")
			.param(accountId)
			.query((rs, n) -> grant(rs))
			.list();
	}

	/** Every grant of the role, by the account holding it, in one read. */
	Map<Long, List<Grant>> grantsOf(Role role) {
		Map<Long, List<Grant>> grants = new HashMap<>();
		this.jdbc.sql("select account_id, id, role, partnership_id, plan_id from role_grant where role = ? order by id")
			.param(role.code())
			.query((rs) -> {
				grants.computeIfAbsent(rs.getLong("account_id"), (id) -> new ArrayList<>()).add(grant(rs));
			});
		return grants;
	}

	/** The names and codes, lower case, of the partnerships where the account contributes or more. */
	Set<String> groupsOf(long accountId) {
		Set<String> groups = new HashSet<>();
		this.jdbc.sql("""
				select lower(p.name), lower(p.code) from role_grant g join partnership p on p.id = g.partnership_id
				where g.account_id = ? and g.role in ('administrator', 'plan-owner', 'contributor')""")
			.param(accountId)
			.query((rs) -> {
				groups.add(rs.getString(1));
				groups.add(rs.getString(2));
			});
		return groups;
	}

	private static Grant grant(ResultSet rs) throws SQLException {
		return new Grant(rs.getLong("id"), Role.of(rs.getString("role")).orElseThrow(), (Long) rs.getObject("partnership_id"),
				(Long) rs.getObject("plan_id"));
	}

	long insertGrant(long accountId, Role role, Long partnershipId, Long planId) {
		return this.jdbc.sql("insert into role_grant (account_id, role, partnership_id, plan_id) values (?, ?, ?, ?) returning id")
			.params(accountId, role.code(), partnershipId, planId).query(Long.class).single();
	}

	void deleteGrant(long grantId) {
		this.jdbc.sql("delete from role_grant where id = ?").param(grantId).update();
	}

}
