package scot.goldenthread.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.shared.NotFound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for scripts and data feeds. The secret is shown once, when made; only its
 * SHA-256 hash is kept (a random 256-bit secret needs no slow hash).
 */
@Service
class AccessTokens {

	static final String PREFIX = "gt_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final AuditLog audit;

	AccessTokens(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** A token as its owner sees it; {@code active} is worked out by the database's clock, as signing in with it is. */
	public record AccessToken(long id, String name, String hint, OffsetDateTime createdAt, LocalDate expiresOn,
			OffsetDateTime lastUsedAt, OffsetDateTime revokedAt, boolean active) {
	}

	public List<AccessToken> of(long accountId) {
		return this.jdbc.sql("""
				select id, name, hint, created_at, expires_on, last_used_at, revoked_at,
				       revoked_at is null and (expires_on is null or expires_on >= current_date) active from access_token
				where account_id = ? order by created_at desc""")
			.param(accountId).query(AccessToken.class).list();
	}

	/** Makes a token and answers its secret, which is never shown again. */
	@Transactional
	public String create(Account account, String name, LocalDate expiresOn) {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		long id = this.jdbc.sql("insert into access_token (account_id, name, token_hash, hint, expires_on) values (?, ?, ?, ?, ?) returning id")
			.params(account.id(), name, hash(secret), secret.substring(0, PREFIX.length() + 4) + "...", expiresOn)
			.query(Long.class).single();
		this.audit.created("access-token", id, account.username() + " made the access token '" + name + "'",
				of(account.id()).get(0));
		return secret;
	}

	@Transactional
	public void revoke(Account account, long id) {
		AccessToken before = of(account.id()).stream().filter((t) -> t.id() == id).findFirst()
			.orElseThrow(() -> NotFound.because("You have no such access token"));
		this.jdbc.sql("update access_token set revoked_at = now() where id = ? and revoked_at is null").param(id).update();
		this.audit.updated("access-token", id, account.username() + " revoked the access token '" + before.name() + "'", before,
				of(account.id()).stream().filter((t) -> t.id() == id).findFirst().orElseThrow());
	}

	/** The username a live token belongs to. */
	@Transactional
	Optional<String> authenticate(String secret) {
		return this.jdbc.sql("""
				update access_token t set last_used_at = now() from account a
				where t.token_hash = ? and t.account_id = a.id and a.enabled and t.revoked_at is null
				and (t.expires_on is null or t.expires_on >= current_date)
				returning a.username""")
			.param(hash(secret)).query(String.class).optional();
	}

	private static String hash(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
