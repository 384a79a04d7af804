package scot.goldenthread.measures;

import java.util.Optional;
import java.util.UUID;

import scot.goldenthread.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A file kept while the person who uploaded it maps its columns and previews it, so that they upload it once: theirs
 * alone, gone once loaded, and after a day whatever became of it.
 */
@Repository
class ImportUploads {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	ImportUploads(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	record Upload(UUID id, String name, byte[] content) {
	}

	UUID keep(String name, byte[] content) {
		this.jdbc.sql("delete from import_upload where uploaded_at < now() - interval '1 day'").update();
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into import_upload (id, file_name, content, uploaded_by) values (?, ?, ?, ?)")
			.params(id, name, content, this.audit.actor()).update();
		return id;
	}

	Optional<Upload> find(UUID id) {
		return this.jdbc.sql("select id, file_name, content from import_upload where id = ? and uploaded_by = ?")
			.params(id, this.audit.actor())
			.query((rs, n) -> new Upload(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	void forget(UUID id) {
		this.jdbc.sql("delete from import_upload where id = ?").param(id).update();
	}

}
