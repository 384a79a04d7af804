package scot.goldenthread.audit;

import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** Records who changed what, when, with the state before and after, for every capability. */
@Service
public class AuditLog {

	/** Changes made by no one signed in: the demo data, start-up, scheduled work. */
	static final String SYSTEM = "system";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	AuditLog(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Who is making the change now. */
	public String actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication == null || authentication instanceof AnonymousAuthenticationToken) ? SYSTEM : authentication.getName();
	}

	public void created(String entityType, Object id, String summary, Object after) {
		record("create", entityType, id, summary, null, after);
	}

	public void updated(String entityType, Object id, String summary, Object before, Object after) {
		record("update", entityType, id, summary, before, after);
	}

	public void deleted(String entityType, Object id, String summary, Object before) {
		record("delete", entityType, id, summary, before, null);
	}

	private void record(String action, String entityType, Object id, String summary, Object before, Object after) {
		this.jdbc
			.sql("""
					insert into audit_event (actor, action, entity_type, entity_id, summary, before, after)
					values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")
			.params(actor(), action, entityType, String.valueOf(id), summary, toJson(before), toJson(after))
			.update();
	}

	public java.util.List<AuditEvent> history(String entityType, Object id) {
		return this.jdbc
			.sql("""
					select occurred_at, actor, action, entity_type, entity_id, summary, before::text, after::text
					from audit_event where entity_type = ? and entity_id = ? order by id""")
			.params(entityType, String.valueOf(id))
			.query(AuditEvent.class)
			.list();
	}

	/** What an administrator looks for: each part optional; dates are whole days, inclusive. */
	public record Filter(String actor, String entityType, String text, java.time.LocalDate from, java.time.LocalDate to) {
	}

	/** The matching events, newest first, {@code limit} of them from {@code offset}. */
	public java.util.List<AuditEvent> search(Filter filter, int offset, int limit) {
		return this.jdbc
			.sql("""
					select occurred_at, actor, action, entity_type, entity_id, summary, before::text, after::text from audit_event
					where (cast(? as text) is null or actor = ?) and (cast(? as text) is null or entity_type = ?)
					and (cast(? as text) is null or summary ilike '%' || ? || '%' or entity_id = ?)
					and (cast(? as date) is null or occurred_at >= cast(? as date))
					and (cast(? as date) is null or occurred_at < cast(? as date) + 1)
					order by id desc offset ? limit ?""")
			.params(filter.actor(), filter.actor(), filter.entityType(), filter.entityType(), filter.text(), filter.text(),
					filter.text(), filter.from(), filter.from(), filter.to(), filter.to(), offset, limit)
			.query(AuditEvent.class)
			.list();
	}

	public java.util.List<String> actors() {
		return this.jdbc.sql("select distinct actor from audit_event order by actor").query(String.class).list();
	}

	public java.util.List<String> entityTypes() {
		return this.jdbc.sql("select distinct entity_type from audit_event order by entity_type").query(String.class).list();
	}

	private String toJson(Object value) {
		return (value != null) ? this.json.writeValueAsString(value) : null;
	}

	public record AuditEvent(java.time.OffsetDateTime occurredAt, String actor, String action, String entityType,
			String entityId, String summary, String before, String after) {
	}

	/** The last change of anything: every change is recorded here, so nothing published is newer than it. */
	public record LastChange(long id, java.time.Instant at) {
	}

	public LastChange lastChange() {
		return this.jdbc.sql("select id, occurred_at from audit_event order by id desc limit 1")
			.query((rs, n) -> new LastChange(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.optional()
			.orElse(new LastChange(0, java.time.Instant.EPOCH));
	}

}
