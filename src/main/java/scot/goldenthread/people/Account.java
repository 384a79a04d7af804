package scot.goldenthread.people;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Locale;

/** A person who signs in, and the partner organisation they work for. */
public record Account(long id, String username, String displayName, String email, String jobTitle, Long partnerId,
		boolean enabled, int failedSignIns, OffsetDateTime lockedUntil) {

	/** Locked after repeated failed sign-ins; {@code lockedUntil} is read only while the lock lasts. */
	public boolean locked() {
		return this.lockedUntil != null;
	}

	/** Whether one of these leads is this person, by name or by job title. */
	public boolean isOneOf(Collection<String> leads) {
		return leads.stream().map(Account::normal).anyMatch((lead) -> lead.equals(normal(this.displayName))
				|| (this.jobTitle != null && lead.equals(normal(this.jobTitle))));
	}

	private static String normal(String name) {
		return name.strip().toLowerCase(Locale.ROOT);
	}

}
